// Generates large, valid stories for the bench: real countries from the bundled atlas (their
// numeric codes and a point inside each), an article of plain sentences, and relations, events
// and passages quoting it verbatim, so the app's whole load path (validation, indexing, scene,
// first render) runs as it would on a real alliance dataset of that size.
//
//   import { largeStory } from './large-story.mjs';
//   const { story, article } = largeStory({ actors: 150, relations: 1000, events: 1000, passages: 2000 });
//
// Run directly, it writes the bench's sizes to a folder: node bench/large-story.mjs <dir>

import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { feature } from 'topojson-client';
import { geoCentroid, geoContains } from 'd3-geo';
import { ROOT } from './shared.mjs';

/** The story sizes the bench measures: the default story's counts scaled up. */
export const SIZES = [
  { slug: 'bench-20x', actors: 42, relations: 440, events: 500, passages: 600 },
  { slug: 'bench-200', actors: 50, relations: 200, events: 200, passages: 500 },
  { slug: 'bench-1000', actors: 150, relations: 1000, events: 1000, passages: 2000 },
  { slug: 'bench-3000', actors: 174, relations: 3000, events: 1000, passages: 2000 },
];

const TYPES = ['mutual-defence', 'strategic-partnership', 'arms-transfer', 'sanctions', 'support'];
const STATUSES = ['in-force', 'alleged', 'reported', 'denied'];
const ROLES = [
  { id: 'bloc-a', label: 'First bloc', color: '#B5542A' },
  { id: 'bloc-b', label: 'Second bloc', color: '#2F5D8A' },
  { id: 'neutral', label: 'Others named', color: '#7A7A7A' },
];

/** Countries of the 110m atlas that have an id, each with a point inside its outline. */
function countries() {
  const atlas = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/world-atlas/countries-110m.json'), 'utf8'),
  );
  const seen = new Set();
  const out = [];
  for (const f of feature(atlas, atlas.objects.countries).features) {
    if (!f.id || seen.has(f.id)) continue;
    seen.add(f.id);
    const c = geoCentroid(f);
    // A centroid can fall outside a curved or split country; then any vertex of it will do.
    const anchor = geoContains(f, c) ? c : firstVertex(f.geometry);
    out.push({
      code: f.id,
      name: f.properties?.name ?? `Country ${f.id}`,
      anchor: anchor.map((n) => Math.round(n * 100) / 100),
    });
  }
  return out;
}

function firstVertex(geometry) {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates[0];
  return rings[0][0];
}

/** A deterministic pseudo-random sequence, so every run measures the same story. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const day = (i) => {
  const d = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000 * 9);
  return d.toISOString().slice(0, 10);
};

/**
 * A story with the given counts. Each passage is one sentence of the article naming two
 * actors; relations and events cite passages; every quote is in the article by construction.
 */
export function largeStory({ slug = 'bench', actors, relations, events, passages, seed = 7 }) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const all = countries().slice(0, actors);
  const actorList = all.map((c, i) => ({
    id: `C${c.code}`,
    name: c.name,
    kind: 'country',
    role: ROLES[i % ROLES.length].id,
    aliases: [c.name],
    features: [c.code],
    anchor: c.anchor,
  }));
  const sentences = [];
  const passageList = [];
  for (let i = 0; i < passages; i++) {
    const a = actorList[i % actorList.length];
    const b = actorList[(i * 7 + 3) % actorList.length];
    const text = `${a.name} and ${b.name} discussed matter number ${i + 1} at length.`;
    sentences.push(text);
    passageList.push({ id: `p${i}`, quote: text });
  }
  const relationList = [];
  for (let i = 0; i < relations; i++) {
    const a = actorList[Math.floor(rand() * actorList.length)];
    let b = pick(actorList);
    if (b === a) b = actorList[(actorList.indexOf(a) + 1) % actorList.length];
    const start = Math.floor(rand() * 2500);
    relationList.push({
      id: `r${i}`,
      type: pick(TYPES),
      label: `relation ${i + 1}`,
      from: a.id,
      to: b.id,
      directed: rand() < 0.3,
      periods: [{ from: day(start), status: pick(STATUSES) }],
      passages: [`p${i % passages}`],
    });
  }
  const eventList = [];
  for (let i = 0; i < events; i++) {
    eventList.push({
      id: `e${i}`,
      date: day(Math.floor(rand() * 2800)),
      title: `Event ${i + 1}`,
      sources: ['article'],
      actors: [actorList[i % actorList.length].id],
      relations: relations ? [`r${i % relations}`] : [],
      passages: [`p${i % passages}`],
    });
  }
  eventList.sort((x, y) => x.date.localeCompare(y.date));
  const story = {
    id: slug,
    title: `A generated story: ${actors} actors, ${relations} relations`,
    asOf: '2024-06-19',
    article: { src: `${slug}.txt`, title: 'Generated article' },
    credit: 'Generated for the bench.',
    roles: ROLES,
    sources: [{ id: 'article', label: 'The article' }],
    passages: passageList,
    actors: actorList,
    relations: relationList,
    events: eventList,
  };
  return { story, article: sentences.join(' ') + '\n' };
}

/** Writes every size in SIZES to `dir` as `<slug>.json` and `<slug>.txt`. */
export function writeLargeStories(dir) {
  mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const { story, article } = largeStory(size);
    writeFileSync(join(dir, `${size.slug}.json`), JSON.stringify(story));
    writeFileSync(join(dir, `${size.slug}.txt`), article);
  }
  return SIZES.map((s) => s.slug);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? join(ROOT, 'bench', '.stories');
  console.log(
    writeLargeStories(dir)
      .map((slug) => join(dir, slug))
      .join('\n'),
  );
}
