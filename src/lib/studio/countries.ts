/**
 * Countries the studio can add, looked up by name or by map code. The one place the studio asks
 * about countries, so the dataset behind it can change (today: world-countries' codes, names
 * and a point inside each country; the existing story's own anchors win where it has them).
 */
import rows from 'virtual:studio-countries';

export interface CountryInfo {
  /** ISO 3166-1 alpha-3: the actor id. */
  id: string;
  /** ISO 3166-1 numeric: the map feature. */
  code: string;
  name: string;
  officialName: string;
  capital: string;
  /** A point inside the country, [lon, lat]: where the marker starts. */
  anchor: [number, number];
  demonym: string;
}

export const COUNTRIES: readonly CountryInfo[] = rows
  .map(([id, code, name, officialName, capital, anchor, demonym]) => ({
    id,
    code,
    name,
    officialName,
    capital,
    anchor,
    demonym,
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));

/** The country drawn by a map feature (ISO numeric code). */
export function countryByCode(code: string): CountryInfo | undefined {
  return byCode.get(code);
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

/** The words that name a country in a text: its names, its capital and its people. */
export function namesOf(country: CountryInfo): string[] {
  return [country.name, country.officialName, country.capital, country.demonym].filter(
    (s) => s.length > 2,
  );
}
