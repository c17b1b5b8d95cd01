/**
 * What a reader needs only once they open something: the reading panel, the phone's bottom
 * sheet that holds it, and the whole-article dialog. The page loads this chunk after the map is drawn (see StoryPage), so it never delays
 * the first map.
 */
export { default as ReadingPanel } from './ReadingPanel.svelte';
export { default as ArticleDialog } from './ArticleDialog.svelte';
export { default as ReadingSheet } from './ReadingSheet.svelte';
