/**
 * `npm run story -- draft <article.txt>`: a first story for any English news article. Actors are
 * the countries and groups it names (with ISO codes and capitals from world-countries and
 * country-state-city, members from `groups.ts`); passages are its sentences, verbatim by
 * construction; events are the dates it gives, with their precision; relations are proposed
 * from sentences that name two actors, typed from a lexicon and given a status from the
 * wording. The result passes `check` and says it is a draft until someone edits it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { GroupEntry } from './groups';
import { countryTable, nameMatcher, type CountryEntry } from './lexicon';
import { countries } from './geo';
import { parseDate } from '../../src/lib/core/story/dates';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December)';
const pad = (n: number) => String(n).padStart(2, '0');

export interface Sentence {
  text: string;
  start: number;
}

/** The article's sentences, as they stand in it (headings and lines are sentences too). */
export function sentences(article: string): Sentence[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Sentence[] = [];
  for (const line of article.matchAll(/[^\n]+/g)) {
    for (const s of segmenter.segment(line[0])) {
      const text = s.segment.trim();
      if (text) out.push({ text, start: line.index + s.index + s.segment.indexOf(text) });
    }
  }
  return out;
}

export interface FoundDate {
  text: string;
  date: string;
}

/** Dates the sentence gives, each with the precision it has ("in March 2023" is a month). */
export function datesIn(sentence: string): FoundDate[] {
  const found: (FoundDate & { at: number; length: number })[] = [];
  const taken = (at: number, length: number) =>
    found.some((f) => at < f.at + f.length && f.at < at + length);
  const add = (m: RegExpExecArray, date: string) => {
    if (!taken(m.index, m[0].length))
      found.push({ text: m[0], date, at: m.index, length: m[0].length });
  };
  const month = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1;
  for (const m of sentence.matchAll(new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, 'g')))
    add(m as RegExpExecArray, `${m[3]}-${pad(month(m[2]!))}-${pad(Number(m[1]))}`);
  for (const m of sentence.matchAll(new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`, 'g')))
    add(m as RegExpExecArray, `${m[3]}-${pad(month(m[1]!))}-${pad(Number(m[2]))}`);
  for (const m of sentence.matchAll(new RegExp(`\\b${MONTH},? (\\d{4})\\b`, 'g')))
    add(m as RegExpExecArray, `${m[2]}-${pad(month(m[1]!))}`);
  // A year, not a decade ("the early 2030s") nor part of a number ("11,000").
  for (const m of sentence.matchAll(/(?<![\d,.])(1[89]\d\d|20\d\d)(?![\d,]|['’]?s\b)/g))
    add(m as RegExpExecArray, m[1]!);
  return found
    .filter((f) => parseDate(f.date) !== null)
    .sort((a, b) => a.at - b.at)
    .map(({ text, date }) => ({ text, date }));
}

/** Relation types by the words that signal them, strongest first. */
const TYPES: [string, RegExp, boolean][] = [
  [
    'mutual-defence',
    /\b(mutual (defen[cs]e|assistance)|defen[cs]e (pact|treaty)|military intervention|collective defen[cs]e|security guarantee)/i,
    false,
  ],
  [
    'war',
    /\b(war|invasion|invad\w*|attack\w*|offensive|conflict|fighting|clash\w*|strikes?)\b/i,
    true,
  ],
  [
    'arms-transfer',
    /\b(arms|weapon\w*|munitions|missiles?|drones?|artillery|ammunition|shells|submarines?|military (equipment|supplies)|suppl(y|ied|ying))\b/i,
    true,
  ],
  ['sanctions', /\b(sanction\w*|embargo\w*|tariffs?|export controls?)\b/i, true],
  [
    'drills-tension',
    /\b(drills?|exercises?|manoeuvres|maneuvers|tensions?|weapons tests?|patrols?|incursions?)\b/i,
    false,
  ],
  [
    'criticism',
    /\b(condemn\w*|criticis\w*|criticiz\w*|rebuk\w*|accus\w*|concerns?|protest\w*|denounc\w*|warn\w*|alarms?|recall\w* (its |their )?ambassadors?|expel\w*|fury|furious|anger\w*|stab in the back|broken with)\b/i,
    true,
  ],
  ['strategic-partnership', /\b(treaty|pact|agreement|accord|partnership|deal|summit)\b/i, false],
  [
    'support',
    /\b(support\w*|aid|assistance|technolog\w*|investment|trade|loans?|help\w*|security|instructors|deploy\w*)\b/i,
    true,
  ],
  ['alignment', /\b(align\w*|coalition|ties|cooperat\w*|allies|alliance|bloc)\b/i, false],
];
const LABEL: Record<string, string> = {
  'mutual-defence': 'mutual defence',
  'strategic-partnership': 'partnership',
  'arms-transfer': 'arms transfers',
  support: 'support',
  sanctions: 'sanctions',
  'drills-tension': 'drills and tension',
  alignment: 'alignment',
  war: 'war',
  criticism: 'criticism',
};

const FRIENDLY = new Set([
  'mutual-defence',
  'strategic-partnership',
  'support',
  'alignment',
  'drills-tension',
]);

/** The relation's status as the sentence words it. */
export function statusOf(sentence: string): string {
  if (/\b(alleg\w*|accus\w*|claims?)\b/i.test(sentence)) return 'alleged';
  if (/\b(denied|denies|deny|denial)\b/i.test(sentence)) return 'denied';
  if (/\b(reported(ly)?|according to|said to|is said|rumou?r\w*)\b/i.test(sentence))
    return 'reported';
  if (/\b(will|plans? to|is to|are to|intends? to)\b/i.test(sentence)) return 'planned';
  if (/\b(awaiting ratification|not yet in force|yet to be ratified)\b/i.test(sentence))
    return 'signed';
  return 'in-force';
}

type Json = Record<string, unknown>;

/** Role colours at least ΔE00 10 from every relation colour and from each other (`check` verifies). */
const ROLES = [
  { id: 'named', label: 'Countries the article names', color: '#2f6f9f' },
  { id: 'group', label: 'Groups and organisations', color: '#6b6b00' },
  { id: 'member', label: 'Members of a group the article names', color: '#8c8c8c' },
  { id: 'historical', label: 'Historical states', color: '#4d2d00' },
];

export function draftStory(article: string, file: string, today = new Date()): Json {
  const slug = basename(file, '.txt')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  const { pattern, lookup } = nameMatcher();
  const atlas = new Set(countries().map((c) => String(c.id)));
  const byId = new Map(countryTable().map((c) => [c.id, c]));
  const lines = sentences(article);

  const named = new Map<
    string,
    { country?: CountryEntry; group?: GroupEntry; words: Set<string> }
  >();
  const passages: Json[] = [];
  const perSentence: { id: string; text: string; actors: string[]; dates: FoundDate[] }[] = [];
  lines.forEach((s, n) => {
    const actors: string[] = [];
    for (const m of s.text.matchAll(pattern)) {
      const hit = lookup.get(m[0])!;
      const id = hit.entry.id;
      const entry = named.get(id) ?? {
        words: new Set<string>(),
        ...(hit.kind === 'country' ? { country: hit.entry } : { group: hit.entry }),
      };
      entry.words.add(m[0]);
      named.set(id, entry);
      if (!actors.includes(id)) actors.push(id);
    }
    const dates = datesIn(s.text);
    if (!actors.length && !dates.length) return;
    const id = `p-${n + 1}`;
    passages.push({ id, quote: s.text });
    perSentence.push({ id, text: s.text, actors, dates });
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
    features: atlas.has(c.numeric) ? [c.numeric] : [],
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
  // A sentence without a date most likely speaks of the last date the article gave before it.
  let lastDate: string | undefined;
  for (const s of perSentence) {
    const context = lastDate;
    lastDate = s.dates[s.dates.length - 1]?.date ?? lastDate;
    if (s.actors.length < 2) continue;
    const type = TYPES.find(([, words]) => words.test(s.text));
    if (!type) continue;
    const [typeId, , directed] = type;
    const status = statusOf(s.text);
    const from = s.dates[0]?.date ?? context ?? asOf;
    // Three or more countries in one friendly act (a pact, drills): one relation with every side.
    const countriesNamed = s.actors.filter((id) => named.get(id)?.country);
    if (FRIENDLY.has(typeId) && countriesNamed.length >= 3) {
      const id = `${countriesNamed.join('-')}-${typeId}`.toLowerCase();
      const existing = relations.get(id);
      if (existing) (existing['passages'] as string[]).push(s.id);
      else
        relations.set(id, {
          id,
          type: typeId,
          label: LABEL[typeId],
          sides: countriesNamed,
          directed: false,
          periods: [{ from, status }],
          passages: [s.id],
        });
      continue;
    }
    for (let i = 0; i < s.actors.length; i++)
      for (let j = i + 1; j < s.actors.length; j++) {
        const [a, b] = [s.actors[i]!, s.actors[j]!];
        // A group and its own member are not two sides of a friendly relation (membership says
        // that already), but a bloc may sanction or rebuke one of its members.
        if (FRIENDLY.has(typeId) && groupOf(a, b)) continue;
        const id = `${[a, b].sort().join('-')}-${typeId}`.toLowerCase();
        const existing = relations.get(id);
        if (existing) {
          (existing['passages'] as string[]).push(s.id);
          continue;
        }
        relations.set(id, {
          id,
          type: typeId,
          label: LABEL[typeId],
          from: a,
          to: b,
          directed,
          periods: [{ from, status }],
          passages: [s.id],
        });
      }
  }

  const events = new Map<string, Json>();
  for (const s of perSentence)
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
  return {
    $schema: '../story.schema.json',
    draft: true,
    id: slug,
    title: heading,
    asOf,
    article: { src: basename(file), title: heading },
    credit: 'Draft made with npm run story -- draft from the article: check every item against it.',
    roles: ROLES.filter((r) => actors.some((a) => a['role'] === r.id)),
    sources: [{ id: 'article', label: `The article: “${heading}”` }],
    passages,
    actors,
    relations: [...relations.values()],
    events: [...events.values()].sort((a, b) => String(a['date']).localeCompare(String(b['date']))),
  };
}

export function draftFromFile(file: string): Json {
  return draftStory(readFileSync(file, 'utf8'), file);
}
