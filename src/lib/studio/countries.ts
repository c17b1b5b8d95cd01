/**
 * Countries the studio can add, looked up by name or by map code, and the table the draft
 * generator reads. The one place the studio asks about countries: the table is the generator's
 * own (scripts/story/lexicon.ts, baked in at build time), so an actor added by hand gets the same
 * code, capital and names as one the draft suggests.
 */
import rows from 'virtual:studio-countries';
import { fromRows } from '../core/draft/table';
import type { CountryEntry } from '../core/draft/names';

export interface CountryInfo {
  /** ISO 3166-1 alpha-3: the actor id. */
  id: string;
  /** ISO 3166-1 numeric: the map feature. */
  code: string;
  name: string;
  officialName: string;
  capital: string;
  /** Where the marker starts, [lon, lat]: the capital (else a point inside the country). */
  anchor: [number, number];
  /** The capital, when `anchor` is where it stands. */
  anchorLabel?: string;
  demonym: string;
}

/** The draft generator's table (src/lib/core/draft/generate.ts). */
export const DRAFT_COUNTRIES: readonly CountryEntry[] = fromRows(rows);

export const COUNTRIES: readonly CountryInfo[] = DRAFT_COUNTRIES.map((c) => ({
  id: c.id,
  code: c.numeric,
  name: c.name,
  officialName: c.officialName,
  capital: c.capital,
  anchor: c.anchor,
  ...(c.anchorLabel && { anchorLabel: c.anchorLabel }),
  demonym: c.demonym,
})).sort((a, b) => a.name.localeCompare(b.name));

const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));
const byId = new Map(COUNTRIES.map((c) => [c.id, c]));

/** The country drawn by a map feature (ISO numeric code). */
export function countryByCode(code: string): CountryInfo | undefined {
  return byCode.get(code);
}

/** The country with an ISO alpha-3 code. */
export function countryById(id: string): CountryInfo | undefined {
  return byId.get(id);
}

/** Countries whose name, official name or code starts with (then contains) the query. */
export function findCountries(query: string, limit = 8): CountryInfo[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const names = (c: CountryInfo) =>
    [c.name, c.officialName, c.id, c.capital].map((s) => s.toLowerCase());
  const starts = COUNTRIES.filter((c) => names(c).some((n) => n.startsWith(q)));
  const contains = COUNTRIES.filter(
    (c) => !starts.includes(c) && names(c).some((n) => n.includes(q)),
  );
  return [...starts, ...contains].slice(0, limit);
}
