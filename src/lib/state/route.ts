/**
 * The URL as the app's public interface (see CONTRACT.md): query parameters choose the story,
 * mode and date; the hash holds the selection or presentation step.
 */
import { parseDay, type Day } from '../story/dates';
import type { Target } from '../story/model';

export type Mode = 'full' | 'embed' | 'present' | 'presenter' | 'studio';

export interface Params {
  story: string;
  mode: Mode;
  /** The requested "as of" day, or null for the story's own date. */
  date: Day | null;
  childId: string | null;
  /** `?hide=`: relation types switched off in the key, as written (checked against the story's). */
  hide: string | null;
  /** Things in the URL that were not understood, to be shown as a short notice. */
  notices: string[];
}

export const DEFAULT_STORY = 'russia-north-korea-2024';
const SLUG = /^[a-z0-9-]{1,80}$/;

/** Reads `?story`, `?mode`, `?date` and pym's `?childId`; unknown values fall back with a notice. */
export function parseParams(search: string): Params {
  const query = new URLSearchParams(search);
  const notices: string[] = [];
  let story = DEFAULT_STORY;
  const slug = query.get('story');
  if (slug !== null) {
    if (SLUG.test(slug)) story = slug;
    else
      notices.push(
        `“${slug.slice(0, 80)}” is not a story name (lowercase letters, digits and “-” only); showing the default story.`,
      );
  }
  let mode: Mode = 'full';
  const m = query.get('mode');
  if (m === 'embed' || m === 'present' || m === 'presenter' || m === 'studio') mode = m;
  else if (m !== null) notices.push(`Unknown mode “${m.slice(0, 40)}”; showing the full page.`);
  let date: Day | null = null;
  const d = query.get('date');
  if (d !== null) {
    date = parseDay(d);
    if (date === null)
      notices.push(`“${d.slice(0, 40)}” is not a date (YYYY-MM-DD); showing the story’s own date.`);
  }
  const childId = query.get('childId');
  return {
    story,
    mode,
    date,
    childId: childId && /^[\w-]{1,100}$/.test(childId) ? childId : null,
    hide: query.get('hide'),
    notices,
  };
}

export type Route =
  | { kind: 'none' }
  | { kind: 'target'; target: Target }
  | { kind: 'step'; step: number }
  | { kind: 'unknown'; hash: string };

/** `#/actor/RUS` → the selection it names. */
export function parseHash(hash: string): Route {
  const clean = hash.replace(/^#/, '');
  if (clean === '' || clean === '/') return { kind: 'none' };
  const match = /^\/(actor|relation|event|step)\/([^/]+)$/.exec(clean);
  if (!match) return { kind: 'unknown', hash: clean };
  const [, kind, raw] = match as unknown as [string, string, string];
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return { kind: 'unknown', hash: clean };
  }
  if (kind === 'step') {
    return /^\d{1,4}$/.test(id)
      ? { kind: 'step', step: Number(id) }
      : { kind: 'unknown', hash: clean };
  }
  return { kind: 'target', target: { kind: kind as Target['kind'], id } };
}

/** The hash for a selection; empty for none. */
export function formatHash(target: Target | null): string {
  return target ? `#/${target.kind}/${encodeURIComponent(target.id)}` : '';
}
