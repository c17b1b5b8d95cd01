/**
 * The app's own validator run on the document being edited: its problems, each with the path of
 * the field at fault (for a link that jumps to it), and the most of the story that can be drawn
 * while some of it is broken.
 */
import { parseStory } from '../core/story/validate';
import { explainErrors } from '../core/story/messages';
import type { Story } from '../core/story/schema';
import { combined, getIn, setIn, stepsPath, type Doc, type Path } from './draft';
import { sidesNamed } from './suggest';

export interface Problem {
  /** The validator's own words for where: `relations[3] "arms" → from`. */
  where: string;
  message: string;
  /** The field in the document, or [] for the story as a whole. */
  path: Path;
}

/** `relations[3] "arms" → periods[0] → to` → `['story', 'relations', 3, 'periods', 0, 'to']`. */
export function pathOf(where: string, doc: Doc): Path {
  const path: (string | number)[] = [];
  for (const part of where.split(' → ')) {
    const item = /^([A-Za-z]+)\[(\d+)\]/.exec(part);
    if (item) path.push(item[1]!, Number(item[2]));
    else if (/^[A-Za-z]+$/.test(part)) path.push(part);
    else break;
  }
  if (path.length === 0) return [];
  if (path[0] === 'steps') return [...stepsPath(doc), ...path.slice(1)];
  return ['story', ...path];
}

/** What one item of each list is called. */
const ONE: Record<string, string> = {
  actors: 'actor',
  relations: 'relation',
  events: 'event',
  spans: 'span',
  steps: 'step',
  passages: 'passage',
  notes: 'fact check',
  sources: 'source',
  roles: 'role',
  periods: 'period',
  members: 'member',
  sides: 'side',
};

interface Named {
  id?: string;
  name?: string;
  title?: string;
  label?: string;
  quote?: string;
  from?: string;
  to?: string;
  sides?: string[];
}

/**
 * Where a problem is, in the words the studio uses for things: `Relation “Hungary – Russia” →
 * period 1 → from` for the validator's `relations[1] "hun-rus-alignment" → periods[0] → from`.
 */
export function placeOf(doc: Doc, path: Path): string {
  if (path.length === 0) return 'The story file';
  const [file, ...rest] = path;
  const actors = (doc.story.actors ?? []) as Named[];
  const actorName = (id: string) => actors.find((a) => a.id === id)?.name ?? id;
  const parts: string[] = [];
  let at: unknown = file === 'presentation' ? doc.presentation : doc.story;
  for (let i = 0; i < rest.length; i++) {
    const key = String(rest[i]);
    const index = rest[i + 1];
    if (typeof index !== 'number') {
      parts.push(key);
      continue;
    }
    at = getIn(at, [key, index]);
    i++;
    const one = ONE[key] ?? key;
    if (parts.length > 0) {
      parts.push(`${one} ${index + 1}`);
      continue;
    }
    const item = (at ?? {}) as Named;
    const name =
      key === 'relations'
        ? sidesNamed(item, actorName)
        : (item.name ?? item.title ?? item.label ?? item.quote?.slice(0, 40) ?? item.id);
    const kind = one.charAt(0).toUpperCase() + one.slice(1);
    parts.push(name ? `${kind} “${name}”` : `${kind} ${index + 1}`);
  }
  // A field of the story or presentation itself (its date, its title).
  if (typeof rest[1] !== 'number')
    parts.unshift(file === 'presentation' ? 'Presentation' : 'Story');
  return parts.join(' → ');
}

export interface Checked {
  problems: Problem[];
  /** The story when it has no problem at all. */
  story: Story | null;
}

export function check(doc: Doc): Checked {
  const result = parseStory(combined(doc), doc.article);
  if (result.ok) return { problems: [], story: result.story };
  // In the words the app and `npm run story -- check` use ("missing", "did you mean …?"), not
  // the schema library's ("Invalid key: Expected \"from\" but received undefined").
  return {
    problems: explainErrors(result.errors, doc.article).map((e) => ({
      ...e,
      path: pathOf(e.where, doc),
    })),
    story: null,
  };
}

const COLLECTIONS = ['passages', 'notes', 'sources', 'actors', 'relations', 'events', 'spans'];
const ID_LISTS = [
  'passages',
  'notes',
  'actors',
  'relations',
  'related',
  'sources',
  'groups',
  'sides',
];
/** Optional references to one item: dropped, rather than the item that holds them. */
const OPTIONAL_REFS = ['successor', 'event'];
const ROUNDS = 12;

type Item = Record<string, unknown> & { id?: unknown };

/**
 * The story with its broken items left out, so that the map keeps drawing what is right while
 * one actor or relation is half typed. Lists that named a left-out item stop naming it; an item
 * that then breaks (a relation without its side) is left out in the next round. Null when what
 * is broken is the story as a whole (its title, its date).
 */
export function drawable(doc: Doc): Story | null {
  let json = combined(doc) as Record<string, unknown>;
  for (let round = 0; round < ROUNDS; round++) {
    const result = parseStory(json, doc.article);
    if (result.ok) return result.story;
    const broken = new Map<string, Set<number>>();
    let next: Record<string, unknown> = { ...json };
    for (const error of result.errors) {
      const path = pathOf(error.where, { ...doc, presentation: null }).slice(1);
      const [name, index] = path;
      if (typeof index !== 'number' || typeof name !== 'string') return null;
      // A reference to something left out: drop the reference (a membership, a role period, a
      // successor), not the whole actor that makes it, so one broken item does not take many.
      const inner = path.findLastIndex((key, i) => i > 1 && typeof key === 'number');
      const field = path[2];
      if (error.message.startsWith('unknown') && inner > 1) {
        const list = getIn(next, path.slice(0, inner)) as unknown[];
        next = setIn(
          next,
          path.slice(0, inner),
          list.filter((_, i) => i !== path[inner]),
        );
        continue;
      }
      if (
        error.message.startsWith('unknown') &&
        path.length === 3 &&
        OPTIONAL_REFS.includes(String(field))
      ) {
        next = setIn(next, path, undefined);
        continue;
      }
      if (!broken.has(name)) broken.set(name, new Set());
      broken.get(name)!.add(index);
    }
    const removed = new Set<string>();
    for (const [name, indexes] of broken) {
      const list = (next[name] as Item[] | undefined) ?? [];
      list.forEach((item, i) => {
        if (indexes.has(i) && typeof item?.id === 'string') removed.add(item.id);
      });
      next[name] = list.filter((_, i) => !indexes.has(i));
    }
    for (const name of [...COLLECTIONS, 'steps']) {
      const list = next[name] as Item[] | undefined;
      if (!Array.isArray(list)) continue;
      next[name] = list.map((item) => {
        const copy: Item = { ...item };
        for (const field of ID_LISTS) {
          const ids = copy[field];
          if (Array.isArray(ids)) copy[field] = ids.filter((id) => !removed.has(id as string));
        }
        return copy;
      });
    }
    json = next;
  }
  return null;
}
