/** `npm run story -- new <slug>`: a minimal valid story and its article, to start from. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The smallest story worth starting from (two countries, a relation, an event) and its article. */
export function minimalStory(slug: string) {
  const article =
    'Headline of the article\n\nFrance and Germany signed a treaty of friendship on 22 January 1963.\n';
  const story = {
    $schema: '../story.schema.json',
    id: slug,
    title: 'Headline of the article',
    asOf: '1963-01-22',
    article: { src: `${slug}.txt`, title: 'Headline of the article' },
    credit: 'Who wrote the article, and who made the map.',
    roles: [{ id: 'parties', label: 'Parties to the treaty', color: '#2f6f9f' }],
    passages: [
      {
        id: 'p-treaty',
        quote: 'France and Germany signed a treaty of friendship on 22 January 1963.',
      },
    ],
    actors: [
      {
        id: 'FRA',
        name: 'France',
        kind: 'country',
        role: 'parties',
        features: ['250'],
        anchor: [2.352, 48.857],
        anchorLabel: 'Paris',
      },
      {
        id: 'DEU',
        name: 'Germany',
        kind: 'country',
        role: 'parties',
        features: ['276'],
        anchor: [13.405, 52.52],
        anchorLabel: 'Berlin',
      },
    ],
    relations: [
      {
        id: 'treaty',
        type: 'strategic-partnership',
        label: 'friendship treaty',
        from: 'FRA',
        to: 'DEU',
        directed: false,
        periods: [{ from: '1963-01-22', status: 'in-force' }],
      },
    ],
    events: [
      {
        id: 'signing',
        date: '1963-01-22',
        title: 'The treaty is signed',
        sources: ['article'],
        relations: ['treaty'],
      },
    ],
  };
  return { story, article };
}

/** Writes the minimal story and its article as `<dir>/<slug>.json` and `.txt`; returns their paths. */
export function newStory(slug: string, dir: string): string[] {
  if (!SLUG.test(slug))
    throw new Error(`"${slug}" is not a story name: lowercase letters, digits and "-"`);
  const json = join(dir, `${slug}.json`);
  const txt = join(dir, `${slug}.txt`);
  for (const file of [json, txt]) if (existsSync(file)) throw new Error(`${file} exists already`);
  const { story, article } = minimalStory(slug);
  mkdirSync(dir, { recursive: true });
  writeFileSync(json, `${JSON.stringify(story, null, 2)}\n`);
  writeFileSync(txt, article);
  return [json, txt];
}
