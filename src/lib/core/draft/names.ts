/**
 * The names that say which country or group an article means, as one pattern. The country
 * table is made in Node (scripts/story/lexicon.ts: world-countries, country-state-city and the
 * map's features) and handed in: the CLI builds it when it runs, the studio's build bakes it in.
 */
import { GROUPS, type GroupEntry } from './groups';
import { mentionPattern } from '../story/mentionPattern';

export interface CountryEntry {
  /** ISO 3166-1 alpha-3: the actor id. */
  id: string;
  name: string;
  officialName: string;
  /** ISO 3166-1 numeric: the map feature. */
  numeric: string;
  /** Whether the map draws the feature `numeric`. */
  onMap: boolean;
  /** Whether a draft may take the country from its names (sovereign states, Taiwan, Palestine). */
  named: boolean;
  /** Names, demonym, capital and metonyms that mean the country in a text. */
  words: string[];
  /** The capital's position, [lon, lat] (else a point inside the country). */
  anchor: [number, number];
  /** The capital, when `anchor` is where it stands. */
  anchorLabel?: string;
  capital: string;
  demonym: string;
}

export type Named = { kind: 'country'; entry: CountryEntry } | { kind: 'group'; entry: GroupEntry };

/** Every name of every country and group, longest first, as one pattern and its look-up. */
export function nameMatcher(countries: readonly CountryEntry[]): {
  pattern: RegExp;
  lookup: Map<string, Named>;
} {
  const lookup = new Map<string, Named>();
  for (const g of GROUPS)
    for (const w of [g.name, ...g.aliases]) lookup.set(w, { kind: 'group', entry: g });
  for (const c of countries)
    if (c.named)
      for (const w of c.words) if (!lookup.has(w)) lookup.set(w, { kind: 'country', entry: c });
  // Every country and group has a name: the pattern is never null.
  return { pattern: mentionPattern(lookup.keys())!, lookup };
}
