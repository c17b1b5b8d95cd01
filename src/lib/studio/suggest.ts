/**
 * The studio's suggestions: the draft of the story tools' generator (src/lib/core/draft/generate.ts,
 * the one `npm run story -- draft` runs) for the article, and what taking one of its items into
 * the story does. An item brings what it needs (a relation its sides, a group its members, a
 * historical state its successor) and its passages, quoted verbatim from the article.
 */
import { draft as generate, type Draft } from '../core/draft/generate';
import { DRAFT_COUNTRIES } from './countries';
import { freshId, getIn, setIn, slugify, titleOf, type Doc } from './draft';
import {
  addPassage,
  idsOf,
  list,
  type ActorJson,
  type Collection,
  type EventJson,
  type RelationJson,
} from './ops';

export type { Draft };
type Item = Record<string, unknown> & { id: string };

/**
 * The generator's draft for an article, as `npm run story -- draft` makes it for `file` (by
 * default `<slug of its first line>.txt`).
 */
export function suggestionsFor(
  article: string,
  { file = `${slugify(titleOf(article))}.txt`, today = new Date() } = {},
): Draft {
  return generate(article, { file, countries: DRAFT_COUNTRIES, today });
}

/** The draft's items of one collection (`actors`, `relations`…). */
export function draftItems<T = Item>(draft: Draft, name: Collection | 'sources'): T[] {
  return (draft.story[name] as T[] | undefined) ?? [];
}

/** The sides of a relation, in order. */
export function sidesOf(r: { from?: string; to?: string; sides?: string[] }): string[] {
  return r.sides ?? [r.from ?? '', r.to ?? ''];
}

/** The sides a relation has so far, however it is written (a half-made one may lack `to`). */
export function sidesSoFar(r: { from?: string; to?: string; sides?: string[] }): string[] {
  return r.sides ?? [r.from, r.to].filter((id): id is string => id !== undefined);
}

/** A relation as the studio lists it: its sides by name ("Japan – Philippines"). */
export function sidesNamed(
  r: { from?: string; to?: string; sides?: string[] },
  name: (id: string) => string,
): string {
  return sidesSoFar(r).map(name).join(' – ');
}

/** What makes a relation the same suggestion as another: its sides (any order) and type. */
export function relationKey(r: { from?: string; to?: string; sides?: string[]; type?: string }) {
  return `${[...sidesOf(r)].sort().join(' ')} ${r.type ?? ''}`;
}

/** The actors a suggested actor brings with it: its group's members, its successor. */
export function bringsWith(draft: Draft, id: string): string[] {
  const actor = draftItems<ActorJson>(draft, 'actors').find((a) => a.id === id);
  const members = ((actor?.members ?? []) as { actor: string }[]).map((m) => m.actor);
  return [...new Set([...members, ...(actor?.successor ? [actor.successor] : [])])];
}

/**
 * The draft's passages `ids` as passages of `doc` (the same quotes; ids of `doc`), but for the
 * headline: it is the story's title, not a passage that says something about an actor.
 */
function quote(doc: Doc, draft: Draft, ids: readonly string[]): { doc: Doc; ids: string[] } {
  const out: string[] = [];
  const headline = titleOf(doc.article);
  for (const id of ids) {
    const text = draftItems<{ id: string; quote: string }>(draft, 'passages').find(
      (p) => p.id === id,
    )?.quote;
    const added = text && text !== headline ? addPassage(doc, text) : null;
    if (!added) continue;
    doc = added.doc;
    if (!out.includes(added.id)) out.push(added.id);
  }
  return { doc, ids: out };
}

/** `doc` with the draft's role `id`, unless it has one by that id. */
function withRole(doc: Doc, draft: Draft, id: string): Doc {
  if (idsOf(doc, 'roles').includes(id)) return doc;
  const role = draftItems(draft, 'roles').find((r) => r.id === id);
  return role ? setIn(doc, ['story', 'roles'], [...list(doc, 'roles'), role]) : doc;
}

/**
 * Adds the suggested actor, what it brings with it, and the passages that name each; a country
 * gets its official name from the country table, as one added by hand does. With `members:
 * 'story'`, a group comes with only the members the story has already (the story's own short
 * list, not all of NATO).
 */
export function acceptActor(
  doc: Doc,
  draft: Draft,
  id: string,
  { members = 'all' }: { members?: 'all' | 'story' } = {},
): Doc {
  if (idsOf(doc, 'actors').includes(id)) return doc;
  const actor = draftItems<ActorJson>(draft, 'actors').find((a) => a.id === id);
  if (!actor) return doc;
  doc = withRole(doc, draft, actor.role ?? '');
  const passages = quote(doc, draft, draft.mentions.get(id) ?? []);
  doc = passages.doc;
  const has = new Set(idsOf(doc, 'actors'));
  const official = DRAFT_COUNTRIES.find((c) => c.id === id && actor.kind === 'country');
  const added = {
    ...actor,
    ...(official &&
      official.officialName !== actor.name && { officialName: official.officialName }),
    ...(members === 'story' &&
      actor.members && {
        members: (actor.members as { actor: string }[]).filter((m) => has.has(m.actor)),
      }),
    ...(passages.ids.length && { passages: passages.ids }),
  };
  doc = setIn(doc, ['story', 'actors'], [...list(doc, 'actors'), added]);
  const brought =
    members === 'story' ? (actor.successor ? [actor.successor] : []) : bringsWith(draft, id);
  for (const other of brought) doc = acceptActor(doc, draft, other);
  return doc;
}

/** Adds the suggested relation with its sides and passages (a fresh id if its own is taken). */
export function acceptRelation(doc: Doc, draft: Draft, id: string): Doc {
  const relation = draftItems<RelationJson>(draft, 'relations').find((r) => r.id === id);
  if (!relation) return doc;
  for (const side of sidesOf(relation)) doc = acceptActor(doc, draft, side);
  const passages = quote(doc, draft, (relation.passages ?? []) as string[]);
  doc = passages.doc;
  const added = {
    ...relation,
    id: freshId(idsOf(doc, 'relations'), relation.id),
    passages: passages.ids,
  };
  return setIn(doc, ['story', 'relations'], [...list(doc, 'relations'), added]);
}

/** Adds the suggested event with its passages; of its actors, those the story has. */
export function acceptEvent(doc: Doc, draft: Draft, id: string): Doc {
  const event = draftItems<EventJson>(draft, 'events').find((e) => e.id === id);
  if (!event) return doc;
  const passages = quote(doc, draft, (event.passages ?? []) as string[]);
  doc = passages.doc;
  const known = new Set(idsOf(doc, 'actors'));
  const sources = (getIn(doc, ['story', 'sources']) ?? []) as { id: string }[];
  if (!sources.some((s) => s.id === 'article'))
    doc = setIn(doc, ['story', 'sources'], [...sources, ...draftItems(draft, 'sources')]);
  const added = {
    ...event,
    id: freshId(idsOf(doc, 'events'), event.id),
    actors: ((event.actors ?? []) as string[]).filter((a) => known.has(a)),
    passages: passages.ids,
  };
  return setIn(doc, ['story', 'events'], [...list(doc, 'events'), added]);
}
