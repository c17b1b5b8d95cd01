/**
 * The URL as the app's public interface (see CONTRACT.md): query parameters choose the story,
 * mode and date; the hash holds the selection or presentation step.
 */
import { formatDay, parseDay, type Day } from '../core/story/dates';
import { sameTarget, type Target } from '../core/story/model';

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

/** Whether a mode is one of the presentation's two windows, whose address holds a step. */
export function isPresenting(mode: Mode): boolean {
  return mode === 'present' || mode === 'presenter';
}

/**
 * Everything the address holds about what the reader sees. The story and pym's child id are in
 * the address too but never change within a page, so they are kept as they are.
 */
export interface View {
  mode: Mode;
  /** The map's day, or null for the day the view implies (an event's date, else the story's). */
  day: Day | null;
  /** The selection (full page and embed). */
  selection: Target | null;
  /** The presentation step, 1-based (present and presenter modes). */
  step: number | null;
  /** Categories of the map's key the reader has hidden, sorted. */
  hide: string[];
}

const KEY_ID = /^[\w-]{1,60}$/;

/** `?mode=…&date=…&hide=…#/actor/RUS` → the view it names, and what was not understood. */
export function parseView(search: string, hash: string): { view: View; notices: string[] } {
  const params = parseParams(search);
  const notices = [...params.notices];
  const route = parseHash(hash);
  const hide = (new URLSearchParams(search).get('hide') ?? '')
    .split(',')
    .filter((id) => KEY_ID.test(id))
    .sort();
  if (route.kind === 'unknown') {
    notices.push(
      `The link “#${route.hash.slice(0, 60)}” does not match anything in this story; showing the whole map.`,
    );
  }
  const presenting = isPresenting(params.mode);
  return {
    view: {
      mode: params.mode,
      day: params.date,
      selection: !presenting && route.kind === 'target' ? route.target : null,
      step: presenting ? (route.kind === 'step' ? route.step : 1) : null,
      hide: [...new Set(hide)],
    },
    notices,
  };
}

/**
 * The address of a view: `search` (the current query) with its mode, date and hidden key
 * categories replaced, and the hash of its selection or step. Other parameters (story, pym's
 * child id) stay as they are.
 */
export function formatView(view: View, search: string): string {
  const query = new URLSearchParams(search);
  if (view.mode === 'full') query.delete('mode');
  else query.set('mode', view.mode);
  if (view.day === null) query.delete('date');
  else query.set('date', formatDay(view.day));
  if (view.hide.length === 0) query.delete('hide');
  else query.set('hide', view.hide.join(','));
  const hash = view.step !== null ? `#/step/${view.step}` : formatHash(view.selection);
  // URLSearchParams escapes the comma; the list reads better without.
  const text = query.toString().replace(/%2C/g, ',');
  return `${text ? `?${text}` : ''}${hash}`;
}

/**
 * How to go from one view to the next in the browser's history: a new entry (Back returns to the
 * view before) for another mode, selection or date; the same entry rewritten for the
 * presentation's step (a clicker's fifty presses are not fifty Back steps) and the key's
 * switches. In an embed every change rewrites the entry: the article's reader must not have to
 * press Back once for every click in the map.
 */
export function historyWrite(from: View, to: View): 'push' | 'replace' | null {
  if (sameView(from, to)) return null;
  if (to.mode === 'embed') return 'replace';
  const another =
    from.mode !== to.mode || from.day !== to.day || !sameTarget(from.selection, to.selection);
  return another ? 'push' : 'replace';
}

export function sameView(a: View, b: View): boolean {
  return (
    a.mode === b.mode &&
    a.day === b.day &&
    a.step === b.step &&
    sameTarget(a.selection, b.selection) &&
    a.hide.join(',') === b.hide.join(',')
  );
}
