/**
 * The built index.html opens with a first paint of the default story: its masthead and a
 * picture of the map's start view (scripts/first-paint.ts). The app draws itself hidden over
 * it; these take the picture away once the live page can stand in its place.
 */
import { DEFAULT_STORY, type Params } from '../state/route';
import { keyPart, startPart, type LazyPart } from './parts';

/** How long the first paint may stand in for a map that has not come yet (ms). */
export const FIRST_PAINT_GRACE_MS = 2_000;

/**
 * Removes the first paint and shows the app in its place (the same boxes: no layout shift). The
 * pictures of the key and of the start panel's heading move into the live page's places for
 * them (`[data-key-hold]`, `[data-start-hold]`), where it has them, and stand there until those
 * parts' own chunks have come (./parts.ts).
 */
export function revealApp(): void {
  hold(keyPart);
  // No longer the panel the reader's click answers: the live page's panels are.
  hold(startPart)?.removeAttribute('data-panel');
  document.getElementById('first-paint')?.remove();
}

/** The first paint's picture of a part, while the first paint stands. */
export function pictureOf(part: LazyPart<unknown>): Element | null {
  return document.querySelector(`#first-paint ${part.picture}`);
}

/** Moves a part's picture into the live page's place for it; the picture if moved. */
function hold(part: LazyPart<unknown>): Element | null {
  const picture = pictureOf(part);
  const holder = document.querySelector(`#app ${part.place}`);
  if (!picture || !holder) return null;
  holder.replaceChildren(picture);
  return picture;
}

/** Whether the first paint's picture of the key shows what the live key will (see revealApp). */
export function keyPictureFits(params: Params): boolean {
  return firstPaintFits(params) && params.date === null && params.hide === null;
}

/**
 * Removes the first paint in a task of its own, after the one that drew the live map: a click
 * or tap made on the picture while that long task ran is dispatched first, on the picture it was
 * aimed at (whose script answers it, and the app then opens with that pick), not on the live page
 * that would otherwise have taken the picture's place under it. Returns what cancels it.
 */
export function revealAppAfterInput(): () => void {
  const timer = setTimeout(revealApp, 0);
  return () => clearTimeout(timer);
}

/**
 * Calls `pick` with the actor a reader picked on the first paint's picture before the app could
 * answer (scripts/first-paint.ts, pickScript), now or whenever it happens while the first paint
 * stands. Returns what stops listening.
 */
export function onFirstPaintPick(pick: (actor: string) => void): () => void {
  const element = document.getElementById('first-paint');
  if (!element) return () => {};
  const take = () => takeFirstPaintPick(pick);
  take();
  element.addEventListener('pick', take);
  return () => element.removeEventListener('pick', take);
}

/** The marker picked on the first paint so far, if any, handed to `pick` once. */
export function takeFirstPaintPick(pick: (actor: string) => void): void {
  const element = document.getElementById('first-paint');
  const actor = element?.dataset['pick'];
  if (!element || !actor) return;
  delete element.dataset['pick'];
  pick(actor);
}

/** Whether the first paint shows what these parameters ask for (the default story's full page). */
export function firstPaintFits(params: Params): boolean {
  return params.story === DEFAULT_STORY && params.mode === 'full';
}
