/**
 * What the map shows only up close (zoomed in past the story's frame), in a chunk of its own,
 * fetched the first time the map is zoomed in: the seas and capitals, their placement, and the
 * layer that draws them.
 */
export { capitalsOf, placeReferences, SEAS } from '../core/map/places';
export { default as ReferenceLayer } from './ReferenceLayer.svg.svelte';
