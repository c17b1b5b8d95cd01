/**
 * `virtual:studio-countries`: the draft generator's country table (scripts/story/lexicon.ts:
 * world-countries, country-state-city's capitals, the map's features), made at build time so the
 * studio drafts exactly as `npm run story -- draft` does without shipping either package (about
 * 13 KB gzipped instead of megabytes). Only the studio's own chunk imports it.
 */
import type { Plugin } from 'vite';
import { countryTable } from './story/lexicon';
import { toRows } from '../src/lib/core/draft/table';

const ID = 'virtual:studio-countries';

export function studioCountries(): Plugin {
  return {
    name: 'studio-countries',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load: (id) =>
      id === `\0${ID}` ? `export default ${JSON.stringify(toRows(countryTable()))};` : undefined,
  };
}
