/**
 * The studio's edits that do more than set one field: adding an actor from the country table,
 * a passage from selected text, a relation, an event, a step; moving and removing items. Each
 * takes a document and returns a new one.
 */
import type * as v from 'valibot';
import type { ActorSchema, EventSchema, RelationSchema, SpanSchema } from '../core/story/schema';
import type { CountryInfo } from './countries';
import {
  freshId,
  getIn,
  setIn,
  stepsOf,
  stepsPath,
  type Doc,
  type Path,
  type StepJson,
} from './draft';

export type ActorJson = v.InferInput<typeof ActorSchema> & Record<string, unknown>;
export type RelationJson = v.InferInput<typeof RelationSchema> & Record<string, unknown>;
export type EventJson = v.InferInput<typeof EventSchema> & Record<string, unknown>;
export type SpanJson = v.InferInput<typeof SpanSchema> & Record<string, unknown>;

/** The collections of the story file that hold items with ids. */
export type Collection = 'actors' | 'relations' | 'events' | 'spans' | 'passages' | 'roles';

export function list<T>(doc: Doc, name: Collection): T[] {
  return (doc.story[name] as T[] | undefined) ?? [];
}

export function idsOf(doc: Doc, name: Collection): string[] {
  return list<{ id: string }>(doc, name).map((item) => item.id);
}

/** Adds a country as an actor (its first role), unless it is already one. */
export function addCountry(doc: Doc, country: CountryInfo): { doc: Doc; id: string } {
  const existing = list<ActorJson>(doc, 'actors').find(
    (a) => a.id === country.id || (a.features ?? []).includes(country.code),
  );
  if (existing) return { doc, id: existing.id };
  const role = list<{ id: string }>(doc, 'roles')[0]?.id ?? 'named';
  const actor: ActorJson = {
    id: country.id,
    name: country.name,
    kind: 'country',
    role,
    features: [country.code],
    anchor: country.anchor,
    ...(country.anchorLabel && { anchorLabel: country.anchorLabel }),
  };
  if (country.officialName !== country.name) actor.officialName = country.officialName;
  const aliases = [country.capital, country.demonym].filter((s) => s && s !== country.name);
  if (aliases.length) actor.aliases = aliases;
  return { doc: setIn(doc, ['story', 'actors'], [...list(doc, 'actors'), actor]), id: actor.id };
}

/**
 * Makes `quote` (text of the article) a passage, or finds the passage that already quotes it.
 * Passages stay in article order, as the reading panel expects.
 */
export function addPassage(doc: Doc, quote: string): { doc: Doc; id: string } | null {
  const text = quote.trim();
  const at = doc.article.indexOf(text);
  if (!text || at < 0) return null;
  const passages = list<{ id: string; quote: string }>(doc, 'passages');
  const same = passages.find((p) => p.quote === text);
  if (same) return { doc, id: same.id };
  const id = freshId(idsOf(doc, 'passages'), `p${passages.length + 1}`);
  const position = passages.findIndex((p) => doc.article.indexOf(p.quote) > at);
  const next = [...passages];
  next.splice(position < 0 ? next.length : position, 0, { id, quote: text });
  return { doc: setIn(doc, ['story', 'passages'], next), id };
}

/** Adds an id to the id list at `path` (an item's `passages`, a step's `actors`), once. */
export function addToList(doc: Doc, path: Path, id: string): Doc {
  const ids = (getIn(doc, path) as string[] | undefined) ?? [];
  return ids.includes(id) ? doc : setIn(doc, path, [...ids, id]);
}

/** Removes an id from the id list at `path`. */
export function removeFromList(doc: Doc, path: Path, id: string): Doc {
  const ids = (getIn(doc, path) as string[] | undefined) ?? [];
  return setIn(
    doc,
    path,
    ids.filter((x) => x !== id),
  );
}

/**
 * A new relation between two actors; its passages are given or added later. Its period has no
 * date until the editor gives one (the check marks it), rather than an invented one.
 */
export function addRelation(
  doc: Doc,
  from: string,
  to: string,
  fields: Partial<RelationJson> = {},
): { doc: Doc; id: string } {
  const id = freshId(idsOf(doc, 'relations'), `${from}-${to}`.toLowerCase());
  const relation: RelationJson = {
    id,
    type: 'alignment',
    label: 'relation',
    from,
    to,
    directed: false,
    periods: [{ from: '', status: 'in-force' }],
    passages: [],
    ...fields,
  };
  return {
    doc: setIn(doc, ['story', 'relations'], [...list(doc, 'relations'), relation]),
    id,
  };
}

/** A new event sourced to the article, with no date until the editor gives one. */
export function addEvent(doc: Doc, title = 'New event'): { doc: Doc; id: string } {
  const id = freshId(idsOf(doc, 'events'), 'event');
  const event: EventJson = { id, date: '', title, sources: ['article'] };
  return { doc: setIn(doc, ['story', 'events'], [...list(doc, 'events'), event]), id };
}

/** A new span (a band on the timeline) from the story's year; its end is set next. */
export function addSpan(doc: Doc, label = 'New span'): { doc: Doc; id: string } {
  const id = freshId(idsOf(doc, 'spans'), 'span');
  const span: SpanJson = { id, label, from: String(doc.story.asOf ?? '').slice(0, 4) };
  return { doc: setIn(doc, ['story', 'spans'], [...list(doc, 'spans'), span]), id };
}

/** What the map shows now, to keep as a presentation step. */
export interface View {
  date: string;
  actors: string[];
  relations: string[];
  passages: string[];
}

export function addStep(doc: Doc, view: View, title: string): { doc: Doc; index: number } {
  const steps = stepsOf(doc);
  const step: StepJson = {
    id: freshId(
      steps.map((s) => s.id),
      `step-${steps.length + 1}`,
    ),
    title,
    date: view.date,
    actors: view.actors,
    relations: view.relations,
    passages: view.passages,
  };
  return { doc: setIn(doc, stepsPath(doc), [...steps, step]), index: steps.length };
}

/** Moves the item at `from` in the list at `path` to `to`. */
export function moveItem(doc: Doc, path: Path, from: number, to: number): Doc {
  const items = [...((getIn(doc, path) as unknown[] | undefined) ?? [])];
  if (from === to || to < 0 || to >= items.length || from < 0 || from >= items.length) return doc;
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item);
  return setIn(doc, path, items);
}

/** Removes the item at `index` of the list at `path` (what named it is reported by the checks). */
export function removeItem(doc: Doc, path: Path, index: number): Doc {
  const items = (getIn(doc, path) as unknown[] | undefined) ?? [];
  return setIn(
    doc,
    path,
    items.filter((_, i) => i !== index),
  );
}

/** The items of any list of the story file. */
const cited = (doc: Doc, name: string) => (doc.story[name] as unknown[] | undefined) ?? [];

/** Where each item list is cited by id: the lists of ids that name a source or a note. */
const CITED_IN = {
  sources: [
    ['events', 'sources'],
    ['notes', 'sources'],
  ],
  notes: [
    ['passages', 'notes'],
    ['actors', 'notes'],
    ['relations', 'notes'],
    ['events', 'notes'],
  ],
} as const;

/**
 * Gives the source or note at `index` the id `id`, and every list that cites it the new id too
 * (an event's sources, a passage's notes, a step's notes), so a rename breaks no reference. An
 * id shared with another item (a slip while typing) carries nothing, and the checks say so.
 */
export function renameId(doc: Doc, name: 'sources' | 'notes', index: number, id: string): Doc {
  const old = (getIn(doc, ['story', name, index, 'id']) as string | undefined) ?? '';
  let next = setIn(doc, ['story', name, index, 'id'], id);
  // Citations follow only from an id this item alone had to one no other item has.
  const others = cited(doc, name)
    .filter((_, i) => i !== index)
    .map((item) => (item as { id?: string }).id);
  if (others.includes(old) || others.includes(id)) return next;
  const swap = (path: Path) => {
    const ids = getIn(next, path) as string[] | undefined;
    if (ids?.includes(old))
      next = setIn(
        next,
        path,
        ids.map((x) => (x === old ? id : x)),
      );
  };
  for (const [list, field] of CITED_IN[name])
    cited(next, list).forEach((_, i) => swap(['story', list, i, field]));
  if (name === 'notes') stepsOf(next).forEach((_, i) => swap([...stepsPath(next), i, 'notes']));
  return next;
}
