/** The first paint written into index.html at build time: small, and the story's own picture. */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import {
  firstPaintHtml,
  mixWithLand,
  PHONE,
  pickScript,
  REFERENCE,
  simplifyLine,
  startKeyHtml,
  startViewSvg,
} from '../../scripts/first-paint';
import { KEY_WORDS, keyModel } from '../../src/lib/core/map/key';
import { coarsenWorld } from '../../scripts/world-atlas';
import { parseStory } from '../../src/lib/core/story/validate';
import type { Story } from '../../src/lib/core/story/schema';
import { indexStory } from '../../src/lib/core/story/model';
import { roleColor, sceneAt } from '../../src/lib/core/map/scene';
import { START_INTRO, START_TITLE } from '../../src/lib/panel/startText';

const require = createRequire(import.meta.url);
const world = coarsenWorld(
  JSON.parse(
    fs.readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
  ) as Topology,
);
const stories = new URL('../../static/stories/', import.meta.url);
const read = (name: string) => fs.readFileSync(new URL(name, stories), 'utf8');
const result = parseStory(
  JSON.parse(read('russia-north-korea-2024.json')),
  read('russia-north-korea-2024.txt'),
);
if (!result.ok) throw new Error('the default story does not validate');
const story: Story = result.story;

describe('simplifyLine', () => {
  it.each([
    [
      'keeps a line of two points',
      [
        [0, 0],
        [5, 5],
      ],
      1,
      [
        [0, 0],
        [5, 5],
      ],
    ],
    [
      'drops a point within the tolerance',
      [
        [0, 0],
        [5, 0.5],
        [10, 0],
      ],
      1,
      [
        [0, 0],
        [10, 0],
      ],
    ],
    [
      'keeps a point beyond it',
      [
        [0, 0],
        [5, 3],
        [10, 0],
      ],
      1,
      [
        [0, 0],
        [5, 3],
        [10, 0],
      ],
    ],
    [
      'keeps the far corner of a peak and drops the points near its sides',
      [
        [0, 0],
        [1, 0.1],
        [4, 4],
        [5, 4.1],
        [8, 0],
      ],
      1,
      [
        [0, 0],
        [5, 4.1],
        [8, 0],
      ],
    ],
  ])('%s', (_, line, tolerance, simplified) => {
    expect(simplifyLine(line as [number, number][], tolerance)).toEqual(simplified);
  });
});

describe('mixWithLand', () => {
  it.each([
    ['#dcd9d2', '#dcd9d2'],
    ['#000000', '#888782'],
    ['#ffffff', '#e9e7e3'],
  ])('mixes %s with the land as the country layer does', (colour, mixed) => {
    expect(mixWithLand(colour)).toBe(mixed);
  });
});

describe('the first paint', () => {
  const html = firstPaintHtml(story, world);
  const svg = startViewSvg(story, world);

  it('holds the story’s title, standfirst and byline in the page’s own masthead classes', () => {
    expect(html).toContain(`<h1 class="title">${story.title}</h1>`);
    expect(html).toContain(`<p class="dek">${story.dek}</p>`);
    expect(html).toContain('Sanjeev Oak');
    expect(html).toMatch(/<div class="map-area"><svg class="first-paint-map wide"/);
  });

  it('draws each actor with a marker and each of its countries in its role’s colour', () => {
    const markers = (svg.match(/<(circle|rect) /g) ?? []).length;
    expect(markers).toBeGreaterThanOrEqual(8);
    const index = indexStory(story);
    const scene = sceneAt(index, story.asOf.earliest);
    expect(svg).toContain(`fill="${mixWithLand(roleColor(index, scene, 'RUS')!)}"`);
    expect(new Set(svg.match(/fill="#\w+"/g)).size).toBeGreaterThanOrEqual(8);
  });

  it('is a named picture with no script and no inline style, for a strict CSP', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Map: /);
    expect(html).not.toMatch(/<script|style=/);
  });

  it('holds a picture for wide screens and a portrait one for phones, each the live map’s size', () => {
    const boxes = [
      ...html.matchAll(/class="first-paint-map (\w+)" viewBox="0 0 ([\d.]+) ([\d.]+)"/g),
    ];
    expect(boxes.map((m) => m[1])).toEqual(['wide', 'narrow']);
    const aspect = (m: RegExpMatchArray) => Number(m[2]) / Number(m[3]);
    expect(aspect(boxes[0]!)).toBeCloseTo(REFERENCE.width / REFERENCE.height, 1);
    expect(aspect(boxes[1]!)).toBeCloseTo(PHONE.width / PHONE.height, 1);
    expect(aspect(boxes[1]!)).toBeLessThan(1);
  });

  it('adds at most 3.3 KB gzip to the page (two pictures, the key’s picture and the start panel’s introduction)', () => {
    expect(gzipSync(html, { level: 9 }).length).toBeLessThanOrEqual(3_300);
  });

  it('draws the key above the wide picture: every entry of the live key at the start, in its order', () => {
    const key = startKeyHtml(story);
    expect(html.indexOf(key)).toBeGreaterThan(0);
    expect(html.indexOf(key)).toBeLessThan(html.indexOf('first-paint-map wide'));
    const index = indexStory(story);
    const model = keyModel(index, sceneAt(index, story.asOf.earliest));
    const labels = [...key.matchAll(/<\/svg>([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(labels).toEqual([
      ...model.types.map((t) => t.label),
      ...model.statuses.map((s) => s.label),
      ...(model.uncertain ? [KEY_WORDS.uncertain] : []),
      ...(model.arrow ? [KEY_WORDS.arrow] : []),
      ...model.roles.map((r) => r.label),
      ...(model.neutral ? [KEY_WORDS.neutral] : []),
      ...model.groups.map((g) => KEY_WORDS.member(g.name)),
    ]);
    // A picture of the key: hidden from assistive technology, which gets the live one.
    expect(key).toMatch(/^<div class="first-paint-key" aria-hidden="true">/);
    expect(key).not.toMatch(/<button|tabindex/);
  });

  it('holds the start panel’s heading and introduction, the words the live panel shows', () => {
    expect(html).toContain(`<h2 id="first-paint-title">${START_TITLE}</h2>`);
    expect(html).toContain(`<p class="intro">${START_INTRO}</p>`);
    expect(html).toMatch(/<aside class="first-paint-panel" data-panel /);
  });
});

describe('the early pick', () => {
  const code = pickScript(story);
  const index = indexStory(story);
  const scene = sceneAt(index, story.asOf.earliest);

  it.each([
    ['RUS', 'Russia', 'Parties to the 2024 pact'],
    ['PRK', 'North Korea', 'Parties to the 2024 pact'],
    ['USA', 'United States', 'The US and NATO'],
  ])('names %s as the reading panel would: %s, %s', (id, name, role) => {
    expect(scene.markers.map((a) => a.id)).toContain(id);
    expect(code).toContain(`"${id}":${JSON.stringify([name, role])}`);
  });

  it('knows every marker of the picture, and is one line of plain script', () => {
    for (const actor of scene.markers) expect(code).toContain(`"${actor.id}":[`);
    expect(code).not.toMatch(/\n|<\/?script|eval\(|Function\(/);
    expect(() => new Function(code)).not.toThrow();
  });

  it('stays small: under 1 KB gzip', () => {
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(1_000);
  });
});
