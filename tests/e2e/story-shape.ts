/**
 * Two story files compared for what they say, not how they were typed: the studio's download of
 * a story made from scratch against the finished fixture it was made to match.
 *
 * `storyShape()` ignores only what is free by nature, and says why:
 * - **ids the studio makes up.** A passage, role, source, note, relation, event or span is named
 *   by what it says instead of its id: a passage by its quote, a role by its label, a source by
 *   its label, a note by its text, a relation by its type and sides (in order when directed), an
 *   event by its date and title, a span by its label. Every reference follows (an actor's role,
 *   its passages and notes, an event's sources, relations and notes, a passage's notes, a note's
 *   sources, a span's ends and relations). Actor ids are kept: they are ISO codes a reader's
 *   address uses (`#FIN`), not made up.
 * - **empty lists.** The schema reads a list that is left out as empty (`features: []` and no
 *   `features` are the same story).
 * - **the case of a colour.** `#005B8E` and `#005b8e` are one colour; a colour input writes
 *   lower case.
 * - **where a marker sits, to 0.005°.** The studio takes a capital's coordinates from its country
 *   table, the fixture's writer took them from another gazetteer: they differ in the third
 *   decimal (a few hundred metres, under a pixel at the map's closest zoom). `anchors()` returns
 *   them for a comparison with that tolerance; `storyShape()` leaves them out.
 * - **`presentation`**: the name of the file the steps are in. The fixture has no steps; the
 *   steps the test adds are compared on their own.
 * Key order is ignored by the comparison (`toEqual`). Nothing else is: every label, date, status,
 * direction, quote, list order and field a reader or the file shows must match.
 */

type Json = Record<string, unknown>;
const items = (story: Json, name: string) => (story[name] as Json[] | undefined) ?? [];
const str = (x: unknown) => String(x ?? '');

/** The content key of every item with an id that is free, by collection. */
function keys(story: Json): Record<string, Map<string, string>> {
  const by = (name: string, key: (item: Json) => string) =>
    new Map(items(story, name).map((item) => [str(item['id']), key(item)]));
  return {
    passages: by('passages', (p) => `passage: ${str(p['quote'])}`),
    roles: by('roles', (r) => `role: ${str(r['label'])}`),
    sources: by('sources', (s) => `source: ${str(s['label'])}`),
    notes: by('notes', (n) => `note: ${str(n['text'])}`),
    relations: by('relations', (r) => {
      const sides = (r['sides'] as string[] | undefined) ?? [str(r['from']), str(r['to'])];
      return `relation: ${str(r['type'])} ${(r['directed'] ? sides : [...sides].sort()).join(r['directed'] ? ' → ' : ' – ')}`;
    }),
    events: by('events', (e) => `event: ${str(e['date'])} ${str(e['title'])}`),
    spans: by('spans', (s) => `span: ${str(s['label'])}`),
  };
}

/** `value` with empty lists left out, colours in lower case and anchors dropped. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) return value.toLowerCase();
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'anchor' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = tidy(v);
  }
  return out;
}

/** The story file as what it says (see the module's comment for what is ignored). */
export function storyShape(story: Json): Json {
  const k = keys(story);
  const name = (map: Map<string, string>) => (id: unknown) => map.get(str(id)) ?? str(id);
  const names = (map: Map<string, string>, ids: unknown) =>
    ids === undefined ? undefined : (ids as string[]).map(name(map));
  /** A list of items with ids renamed and `fields` of each item mapped. */
  const each = (list: string, fields: (item: Json) => Json) =>
    items(story, list).map((item) => ({
      ...item,
      id: name(k[list]!)(item['id']),
      ...fields(item),
    }));
  const spanEnd = (end: unknown) => (end === undefined ? undefined : name(k.events!)(end));
  const { presentation: _file, ...rest } = story;
  return tidy({
    ...rest,
    roles: each('roles', () => ({})),
    sources: each('sources', () => ({})),
    notes: each('notes', (n) => ({ sources: names(k.sources!, n['sources']) })),
    passages: each('passages', (p) => ({ notes: names(k.notes!, p['notes']) })),
    actors: items(story, 'actors').map((a) => ({
      ...a,
      role: a['role'] === undefined ? undefined : name(k.roles!)(a['role']),
      roles: (a['roles'] as Json[] | undefined)?.map((r) => ({
        ...r,
        role: name(k.roles!)(r['role']),
      })),
      passages: names(k.passages!, a['passages']),
      notes: names(k.notes!, a['notes']),
    })),
    relations: each('relations', (r) => ({
      passages: names(k.passages!, r['passages']),
      notes: names(k.notes!, r['notes']),
      related: names(k.relations!, r['related']),
    })),
    events: each('events', (e) => ({
      sources: names(k.sources!, e['sources']),
      relations: names(k.relations!, e['relations']),
      passages: names(k.passages!, e['passages']),
      notes: names(k.notes!, e['notes']),
    })),
    spans: each('spans', (s) => ({
      from: spanEnd(s['from']),
      to: spanEnd(s['to']),
      relations: names(k.relations!, s['relations']),
    })),
  }) as Json;
}

/** Each actor's marker, [lon, lat], to compare with a tolerance. */
export function anchors(story: Json): Record<string, [number, number]> {
  return Object.fromEntries(
    items(story, 'actors').map((a) => [str(a['id']), a['anchor'] as [number, number]]),
  );
}
