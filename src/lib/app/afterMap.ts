/**
 * What the page shows under the map, fetched once the map is drawn: the timeline and the
 * relations table are below the first screen (at 1280×800 and on a phone), so the bytes and the
 * work they cost come after the map answers a click, in one chunk with their styles. The
 * toolbar's downloads and embed code come with them: nothing a reader does first.
 */
export { default as Timeline } from '../timeline/Timeline.svelte';
export { default as RelationsTable } from '../a11y/RelationsTable.svelte';
export { default as DownloadButtons } from '../export/DownloadButtons.svelte';
export { default as EmbedButton } from '../embed/EmbedButton.svelte';
