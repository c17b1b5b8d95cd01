/**
 * `studio.js`: the story studio (`?mode=studio`), built on its own (vite.studio.config.ts) so
 * that the reader's page shares no chunk with it and downloads none of its bytes. The page
 * fetches this file only when the address asks for the studio.
 */
import { mount } from 'svelte';

export interface StudioProps {
  base: string;
  search: string;
}

/** Mounts the studio into `target` (its code and styles arrive with it). */
export async function mountStudio(target: HTMLElement, props: StudioProps): Promise<void> {
  const { default: Studio } = await import('./lib/studio/Studio.svelte');
  mount(Studio, { target, props });
}
