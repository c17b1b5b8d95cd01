/**
 * The studio map's state, for the parts of the studio that read the current view (a new
 * presentation step takes its date and selection).
 */
import { formatDay } from '../core/story/dates';
import { passagesFor } from '../core/story/model';
import type { AppState } from '../state/app.svelte';
import type { View } from './ops';

let current: AppState | null = null;

export function setPreview(state: AppState | null): void {
  current = state;
}

/** What the map shows now: its date, and the selected actor or relation. */
export function currentView(): View | null {
  if (!current) return null;
  const target = current.selection;
  return {
    date: formatDay(current.day),
    actors: target?.kind === 'actor' ? [target.id] : [],
    relations: target?.kind === 'relation' ? [target.id] : [],
    // The caption: what the article says about the selection.
    passages: target ? passagesFor(current.index, target).map((p) => p.id) : [],
  };
}
