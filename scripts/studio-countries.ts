/**
 * `virtual:studio-countries`: the few fields of the world-countries dataset that the story
 * studio needs to add a country (codes, names, capital, a point inside it), about 25 KB instead
 * of the package's 1.4 MB. Only the studio's own chunk imports it.
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const ID = 'virtual:studio-countries';

/** One row: alpha-3, numeric, common name, official name, capital, [lon, lat], demonym. */
export type CountryRow = [string, string, string, string, string, [number, number], string];

interface WorldCountry {
  cca3: string;
  ccn3: string;
  name: { common: string; official: string };
  capital: string[];
  latlng: [number, number];
  demonyms?: { eng?: { m?: string } };
}

/** The rows, from the installed world-countries package. */
export function countryRows(): CountryRow[] {
  const require = createRequire(import.meta.url);
  const all = require('world-countries/countries.json') as WorldCountry[];
  return all
    .filter((c) => /^\d{3}$/.test(c.ccn3))
    .map((c) => [
      c.cca3,
      c.ccn3,
      c.name.common,
      c.name.official,
      c.capital[0] ?? '',
      [c.latlng[1], c.latlng[0]],
      c.demonyms?.eng?.m ?? '',
    ]);
}

export function studioCountries(): Plugin {
  return {
    name: 'studio-countries',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load: (id) =>
      id === `\0${ID}` ? `export default ${JSON.stringify(countryRows())};` : undefined,
  };
}
