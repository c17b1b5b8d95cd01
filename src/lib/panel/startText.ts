/**
 * The start panel's heading and introduction: shown by the live panel (StartPanel.svelte) and
 * written into the first paint at build time (scripts/first-paint.ts), the same words in the
 * same place.
 */
export const START_TITLE = 'How to read this map';
export const START_INTRO =
  'Select a country, a group or a line to read what the article says about it, with the ' +
  'article’s own words and a timeline. Lines are styled by kind and status (see the key); ' +
  'move the timeline to see the map at another date.';
