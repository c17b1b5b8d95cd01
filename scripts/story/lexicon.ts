/**
 * The country table of the draft generator (src/lib/core/draft/): every country's names, demonym and
 * capital from world-countries, capitals' coordinates from country-state-city, whether the map
 * draws it (world-atlas 50m), and a short table of metonyms ("the Kremlin") and short forms
 * ("U.S.") that neither dataset has. Node only: `npm run story -- draft` builds it when it runs,
 * and the studio's build bakes it in (scripts/studio-countries.ts), so both draft alike.
 */
import { createRequire } from 'node:module';
import countries from 'world-countries';
import type { CountryEntry } from '../../src/lib/core/draft/names';
import { countries as atlasCountries } from './geo';

/** Metonyms and short forms, by ISO alpha-3. */
const METONYMS: Record<string, string[]> = {
  USA: ['U.S.', 'US', 'America', 'the White House', 'the Pentagon', 'Washington'],
  GBR: ['U.K.', 'UK', 'Britain', 'British', 'Downing Street', 'Whitehall'],
  RUS: ['the Kremlin', 'Kremlin'],
  CHN: ['Zhongnanhai', 'PRC'],
  PRK: ['DPRK'],
  // world-countries has only "Türkiye", "Turkiye" and "Republic of Turkey".
  TUR: ['Turkey'],
  KOR: ['ROK'],
  FRA: ['the Élysée', 'the Elysee'],
  IRN: ['Islamic Republic'],
  TWN: ['Taipei'],
};

/** Names too common as words or too ambiguous to take as a country on their own. */
const SKIP = new Set([
  'Male',
  'Victoria',
  'Kingston',
  'Georgia',
  'Jordan',
  'Chad',
  'Niger',
  'Guinea',
]);
const KEEP_IF_EXACT = new Set(['Georgia', 'Jordan', 'Chad', 'Niger', 'Guinea']);

const require = createRequire(import.meta.url);
/** A place name for comparison: no accents, case or punctuation ("Washington, D.C."). */
const key = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\p{M}\P{L}]/gu, '')
    .toLowerCase();

let table: CountryEntry[] | undefined;
/** Every country the map can draw (an ISO numeric code) and every state a draft may name. */
export function countryTable(): CountryEntry[] {
  if (table) return table;
  const { City, State } = require('country-state-city') as typeof import('country-state-city');
  /** The capital among the country's cities; of several namesakes, the one in a capital district. */
  const capitalCity = (cca2: string, capital: string) => {
    const name = key(capital);
    const namesakes = (City.getCitiesOfCountry(cca2) ?? []).filter((x) => key(x.name) === name);
    return (
      namesakes.find((x) =>
        /capital|district|federal/i.test(
          State.getStateByCodeAndCountry(x.stateCode, cca2)?.name ?? '',
        ),
      ) ??
      namesakes[0] ??
      // Some capitals are listed only as their region ("Niamey").
      State.getStatesOfCountry(cca2).find((x) => key(x.name) === name)
    );
  };
  const atlas = new Set(atlasCountries().map((c) => String(c.id)));
  table = countries
    .map((c) => ({
      c,
      named: Boolean(c.independent || c.unMember || c.cca3 === 'TWN' || c.cca3 === 'PSE'),
    }))
    .filter(({ c, named }) => named || /^\d{3}$/.test(c.ccn3))
    .map(({ c, named }) => {
      const capital = c.capital[0];
      const city = capital ? capitalCity(c.cca2, capital) : undefined;
      const anchor: [number, number] = city
        ? [Number(Number(city.longitude).toFixed(3)), Number(Number(city.latitude).toFixed(3))]
        : [c.latlng[1], c.latlng[0]];
      const demonym = c.demonyms?.['eng']?.m;
      const words = [
        c.name.common,
        c.name.official,
        ...c.altSpellings.filter((s) => s.length > 3 && /^[\p{Lu}][\p{L} .'’-]+$/u.test(s)),
        ...(demonym ? [demonym, `${demonym}s`] : []),
        ...(capital ? [capital] : []),
        ...(METONYMS[c.cca3] ?? []),
      ].filter((w) => !SKIP.has(w) || (KEEP_IF_EXACT.has(w) && w === c.name.common));
      return {
        id: c.cca3,
        name: c.name.common,
        officialName: c.name.official,
        numeric: c.ccn3,
        onMap: atlas.has(c.ccn3),
        named,
        words: [...new Set(words)],
        anchor,
        ...(city && capital && { anchorLabel: capital }),
        capital: capital ?? '',
        demonym: demonym ?? '',
      };
    });
  return table;
}
