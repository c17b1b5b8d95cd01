/**
 * A first story for any English news article, the one generator behind `npm run story -- draft`
 * and the studio's suggestions. Actors are the countries and groups it names (codes and capitals
 * from the country table handed in, members from `groups.ts`); passages are its sentences,
 * verbatim by construction; events are the dates it gives, with their precision; relations are
 * proposed from sentences that name two actors, typed from a lexicon and given a status from the
 * wording. The result passes `check` and says it is a draft until someone edits it. Pure: it
 * runs in Node and in the browser alike.
 */
import type { GroupEntry } from './groups';
import { nameMatcher, type CountryEntry } from './names';
import { sentences } from './sentences';
import { articleDate, datesIn, type FoundDate } from './dates';
import { FRIENDLY, LABEL, statusOf } from './wording';
import { proposals, type Mention, type Proposal } from './pairs';

type Json = Record<string, unknown>;

/** Role colours at least ΔE00 10 from every relation colour and from each other (`check` verifies). */
const ROLES = [
  { id: 'named', label: 'Countries the article names', color: '#2f6f9f' },
  { id: 'group', label: 'Groups and organisations', color: '#6b6b00' },
  { id: 'member', label: 'Members of a group the article names', color: '#8c8c8c' },
  { id: 'historical', label: 'Historical states', color: '#4d2d00' },
];

export interface DraftOptions {
  /** The article's file name (its slug names the story). */
  file: string;
  /** The country table (scripts/story/lexicon.ts). */
  countries: readonly CountryEntry[];
  /** The day the draft is made: the story's date when the article gives none recent. */
  today?: Date;
}

export interface Draft {
  /** The draft story file. */
  story: Json;
  /** For each actor, the passages that name it. */
  mentions: Map<string, string[]>;
  /**
   * The relations the article gives no date for (none in their sentence, before it, or on the
   * article's own dateline): their period has no `from`, for the editor to set.
   */
  undated: string[];
}

/** A draft story for an article, and which passages name each actor. */
export function draft(
  article: string,
  { file, countries, today = new Date() }: DraftOptions,
): Draft {
  const name = file.split(/[\\/]/).pop()!;
  const slug = name
    .replace(/\.txt$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  const { pattern, lookup } = nameMatcher(countries);
  const byId = new Map(countries.filter((c) => c.named).map((c) => [c.id, c]));
  const lines = sentences(article);
  const mentions = new Map<string, string[]>();

  const named = new Map<
    string,
    { country?: CountryEntry; group?: GroupEntry; words: Set<string> }
  >();
  const passages: Json[] = [];
  const perSentence: {
    id: string;
    text: string;
    paragraph: number;
    actors: string[];
    named: Mention[];
    dates: FoundDate[];
  }[] = [];
  lines.forEach((s, n) => {
    const actors: string[] = [];
    const said: Mention[] = [];
    for (const m of s.text.matchAll(pattern)) {
      const hit = lookup.get(m[0])!;
      const id = hit.entry.id;
      const entry = named.get(id) ?? {
        words: new Set<string>(),
        ...(hit.kind === 'country' ? { country: hit.entry } : { group: hit.entry }),
      };
      entry.words.add(m[0]);
      named.set(id, entry);
      said.push({ id, at: m.index, end: m.index + m[0].length });
      if (!actors.includes(id)) actors.push(id);
    }
    const dates = datesIn(s.text);
    if (!actors.length && !dates.length) return;
    const id = `p-${n + 1}`;
    passages.push({ id, quote: s.text });
    for (const a of actors) mentions.set(a, [...(mentions.get(a) ?? []), id]);
    perSentence.push({ id, text: s.text, paragraph: s.paragraph, actors, named: said, dates });
  });

  // Groups bring their members (the map fills them in) and historical states their successors.
  const members = new Set<string>();
  for (const { group } of [...named.values()])
    for (const m of group?.members ?? []) if (!named.has(m.actor)) members.add(m.actor);
  for (const { group } of [...named.values()])
    if (group?.successor && !named.has(group.successor)) members.add(group.successor);

  const countryActor = (c: CountryEntry, role: string, words: string[]): Json => ({
    id: c.id,
    name: c.name,
    kind: 'country',
    role,
    ...(words.length && { aliases: words.filter((w) => w !== c.name) }),
    features: c.onMap ? [c.numeric] : [],
    anchor: c.anchor,
    ...(c.anchorLabel && { anchorLabel: c.anchorLabel }),
  });
  const actors: Json[] = [];
  for (const [id, { country, group, words }] of named) {
    if (country) actors.push(countryActor(country, 'named', [...words]));
    else if (group) {
      const all = [group.name, ...group.aliases].filter((w) => words.has(w) && w !== group.name);
      actors.push({
        id,
        name: group.name,
        kind: group.kind,
        role: group.kind === 'historical' ? 'historical' : 'group',
        ...(all.length && { aliases: all }),
        ...(group.features && { features: group.features }),
        ...(group.anchor && { anchor: group.anchor }),
        ...(group.anchorLabel && { anchorLabel: group.anchorLabel }),
        ...(group.exists && { exists: group.exists }),
        ...(group.successor && { successor: group.successor }),
        ...(group.members.length && {
          members: group.members.filter((m) => named.has(m.actor) || members.has(m.actor)),
        }),
      });
    }
  }
  for (const id of members) {
    const c = byId.get(id);
    if (c) actors.push(countryActor(c, 'member', []));
  }
  const known = new Set(actors.map((a) => a['id'] as string));
  for (const a of actors)
    if (Array.isArray(a['members']))
      a['members'] = (a['members'] as { actor: string }[]).filter((m) => known.has(m.actor));

  // The story's date: the latest the article gives, when recent; else today (a news article).
  const allDates = perSentence.flatMap((s) => s.dates.map((d) => d.date)).sort();
  const latest = allDates[allDates.length - 1];
  const todayText = today.toISOString().slice(0, 10);
  const asOf =
    latest && Number(latest.slice(0, 4)) >= today.getUTCFullYear() - 3 ? latest : todayText;

  const groupOf = (a: string, b: string) => {
    const g = named.get(a)?.group ?? named.get(b)?.group;
    const other = named.get(a)?.group ? b : a;
    return g?.members.some((m) => m.actor === other) ?? false;
  };
  const relations = new Map<string, Json>();
  const dateline = articleDate(article);
  // Relations and events come from the body. The headline is the story's title, not a passage
  // (the studio quotes none from it): what it says, the body says too, with its date ("the
  // submarine pact that angered Paris" made AUKUS send France arms).
  const body = perSentence.filter((s) => s.paragraph > 0);
  // A sentence without a date most likely speaks of the last date its paragraph gave before it.
  // Not across paragraphs: a paragraph on a 1961 treaty does not date the war in the next one.
  let lastDate: string | undefined;
  let paragraph = -1;
  for (const s of body) {
    if (s.paragraph !== paragraph) [lastDate, paragraph] = [undefined, s.paragraph];
    const context = lastDate;
    lastDate = s.dates[s.dates.length - 1]?.date ?? lastDate;
    for (const proposed of proposals(s.text, s.named)) addProposal(s, context, proposed);
  }

  /** The relations one sentence proposes, added (or the sentence added to their passages). */
  function addProposal(
    s: (typeof perSentence)[number],
    context: string | undefined,
    { type: typeId, directed, pairs }: Proposal,
  ) {
    const status = statusOf(s.text);
    const from = s.dates[0]?.date ?? context ?? dateline;
    /** The relation `id`, made with `sides` unless an earlier sentence made it (then quoted). */
    const put = (id: string, sides: Json) => {
      const existing = relations.get(id);
      if (existing) (existing['passages'] as string[]).push(s.id);
      else
        relations.set(id, {
          id,
          type: typeId,
          label: LABEL[typeId],
          ...sides,
          periods: [from ? { from, status } : { status }],
          passages: [s.id],
        });
    };
    // Three or more countries in one friendly act (a pact, drills): one relation with every side
    // (the countries its pairs name: not those of another clause of the sentence).
    const sides = new Set(pairs.flat());
    const countriesNamed = s.actors.filter((id) => sides.has(id) && named.get(id)?.country);
    if (FRIENDLY.has(typeId) && countriesNamed.length >= 3) {
      put(`${countriesNamed.join('-')}-${typeId}`.toLowerCase(), {
        sides: countriesNamed,
        directed: false,
      });
      return;
    }
    for (const [a, b] of pairs) {
      // A group and its own member are not two sides of a friendly relation (membership says
      // that already), but a bloc may sanction or rebuke one of its members.
      if (FRIENDLY.has(typeId) && groupOf(a, b)) continue;
      put(`${[a, b].sort().join('-')}-${typeId}`.toLowerCase(), { from: a, to: b, directed });
    }
  }

  const events = new Map<string, Json>();
  for (const s of body)
    for (const d of s.dates) {
      const id = `e-${d.date}`;
      const existing = events.get(id);
      if (existing) {
        (existing['passages'] as string[]).push(s.id);
        continue;
      }
      events.set(id, {
        id,
        date: d.date,
        title: s.text.length > 90 ? `${s.text.slice(0, 88).replace(/\s+\S*$/, '')}…` : s.text,
        sources: ['article'],
        actors: s.actors,
        passages: [s.id],
      });
    }

  const heading = lines[0]?.text ?? slug;
  const story = {
    $schema: '../story.schema.json',
    draft: true,
    id: slug,
    title: heading,
    asOf,
    article: { src: name, title: heading },
    credit: 'Draft made with npm run story -- draft from the article: check every item against it.',
    roles: ROLES.filter((r) => actors.some((a) => a['role'] === r.id)),
    sources: [{ id: 'article', label: `The article: “${heading}”` }],
    passages,
    actors,
    relations: [...relations.values()],
    events: [...events.values()].sort((a, b) => String(a['date']).localeCompare(String(b['date']))),
  };
  const undated = [...relations.values()]
    .filter((r) => !(r['periods'] as { from?: string }[])[0]?.from)
    .map((r) => r['id'] as string);
  return { story, mentions, undated };
}

/**
 * A draft story for an article: the file `npm run story -- draft` writes. It must pass `check`, so
 * a relation the article gives no date for (`draft().undated`) takes the story's date there; the
 * studio instead offers it undated, marked for the editor to set.
 */
export function draftStory(article: string, options: DraftOptions): Json {
  const { story, undated } = draft(article, options);
  const relations = (story['relations'] as Json[]).map((r) =>
    undated.includes(r['id'] as string)
      ? { ...r, periods: (r['periods'] as Json[]).map((p) => ({ from: story['asOf'], ...p })) }
      : r,
  );
  return { ...story, relations };
}
