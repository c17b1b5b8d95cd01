// Types of large-story.mjs, for the browser test that loads a generated story.

export interface StorySize {
  slug?: string;
  actors: number;
  relations: number;
  events: number;
  passages: number;
  seed?: number;
}

export const SIZES: Required<Omit<StorySize, 'seed'>>[];

export function largeStory(size: StorySize): { story: Record<string, unknown>; article: string };

export function writeLargeStories(dir: string): string[];
