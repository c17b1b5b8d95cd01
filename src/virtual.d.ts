/** Built-in stories checked at build time (scripts/checked-stories.ts); empty in development. */
declare module 'virtual:checked-stories' {
  import type { CheckedStory } from './lib/core/story/checked';
  export const CHECKED: Readonly<Record<string, CheckedStory>>;
}
