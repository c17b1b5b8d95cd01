/**
 * `npm run story -- check`: every problem of a file at once, placed at file:line:column, with
 * the geography of the map, colours and unknown fields that only the tool checks.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStory, formatReports } from '../../scripts/story/check';
import { geoFindings } from '../../scripts/story/geo';
import { colourFindings } from '../../scripts/story/colours';
import { minimalStory } from '../../scripts/story/new';

const MINIMAL = minimalStory('mini');
const ARTICLE = MINIMAL.article;

/** The story `npm run story -- new` writes, as a fresh copy each test may break. */
function story() {
  const copy = structuredClone(MINIMAL.story);
  return {
    ...copy,
    actors: copy.actors as Record<string, unknown>[],
    relations: copy.relations as Record<string, unknown>[],
  };
}

/** Writes the story (indented, as people write it) and its article; returns the report lines. */
function check(json: unknown, article = ARTICLE, extra: Record<string, string> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'story-'));
  writeFileSync(
    join(dir, 'mini.json'),
    typeof json === 'string' ? json : JSON.stringify(json, null, 2),
  );
  writeFileSync(join(dir, 'mini.txt'), article);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return formatReports(checkStory(join(dir, 'mini.json')))
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(dir + '/', ''));
}

describe('story check', () => {
  it('passes the shipped stories without errors', () => {
    for (const file of [
      'static/stories/russia-north-korea-2024.json',
      'tests/fixtures/nordic-baltic.json',
    ])
      expect(checkStory(file).filter((r) => r.severity === 'error')).toEqual([]);
  });

  it.each<{
    what: string;
    breakIt: (s: ReturnType<typeof story>) => unknown;
    article?: string;
    lines: string[];
  }>([
    {
      what: 'a missing field and an unknown actor, reported together with their places',
      breakIt: (s) => {
        delete s.relations[0]!['directed'];
        s.relations[0]!['to'] = 'DUE';
      },
      lines: [
        'mini.json:55:5  error  relations[0] "treaty" → directed: missing',
        'mini.json:60:7  error  relations[0] "treaty" → to: unknown actor "DUE": did you mean "DEU"?',
      ],
    },
    {
      what: 'a month that does not exist',
      breakIt: (s) => {
        s.asOf = '2021-13-01';
      },
      lines: ['mini.json:5:3  error  asOf: month 13 does not exist'],
    },
    {
      what: 'a quote with a curly apostrophe where the article has a straight one',
      breakIt: (s) => {
        s.passages[0]!.quote = 'France’s and Germany signed';
      },
      article: "France's and Germany signed",
      lines: [
        'mini.json:21:7  error  passages[0] "p-treaty" → quote: not in the article: it differs from the nearest passage at character 7 (a typographic difference: the quote has "’" (curly apostrophe) where the article has "\'" (straight apostrophe); copy the article\'s characters)',
        "    article:  France's and Germany signed",
        '    quote:    France’s and Germany signed',
        '                    ^',
      ],
    },
    {
      what: 'a misspelt optional field',
      breakIt: (s) => {
        s.actors[0]!['alias'] = ['Paris'];
      },
      lines: [
        'mini.json:38:7  warning  actors[0] "FRA" → alias: unknown field "alias", ignored by the app: did you mean "aliases"?',
      ],
    },
  ])('reports $what', ({ breakIt, article, lines }) => {
    const s = story();
    breakIt(s);
    const out = check(s, article);
    expect(out).toEqual(lines);
  });

  it('places a syntax error at its line and column', () => {
    expect(check('{\n  "id": "mini",\n  "title": }\n')).toEqual([
      'mini.json:3:12  error  the file: not valid JSON: value expected',
    ]);
  });

  it('checks the presentation file and places its errors there', () => {
    const s = { ...story(), presentation: 'mini.presentation.json' };
    const steps = JSON.stringify(
      { steps: [{ id: 's1', title: 'One', actors: ['FRA', 'ITA'] }] },
      null,
      2,
    );
    expect(check(s, ARTICLE, { 'mini.presentation.json': steps })).toEqual([
      'mini.presentation.json:8:9  error  steps[0] "s1" → actors[1]: unknown actor "ITA"',
    ]);
  });
});

describe('geographic checks against world-atlas', () => {
  const actor = (over: Record<string, unknown>) => ({
    actors: [
      {
        id: 'FRA',
        name: 'France',
        kind: 'country',
        features: ['250'],
        anchor: [2.352, 48.857],
        ...over,
      },
    ],
  });
  it.each([
    [{}, []],
    [
      { features: ['555'] },
      ['error actors.0.features.0: feature "555" is not on the map (world-atlas): France is "250"'],
    ],
    [
      { anchor: [48.857, 2.352] },
      [
        'error actors.0.anchor: longitude and latitude are swapped: [48.857, 2.352] is in the sea; France is at [2.352, 48.857] (write [longitude, latitude])',
      ],
    ],
    [{ anchor: [-30, 40] }, ['error actors.0.anchor: is outside France: [-30, 40] is in the sea']],
    [
      { anchor: [13.405, 52.52] },
      ['error actors.0.anchor: is outside France: [13.405, 52.52] is in Germany'],
    ],
  ])('%j gives %j', (over, expected) => {
    expect(
      geoFindings(actor(over)).map((f) => `${f.severity} ${f.path.join('.')}: ${f.message}`),
    ).toEqual(expected);
  });

  it('warns when a group’s marker sits on a country that is not its member', () => {
    const json = {
      actors: [
        { id: 'FRA', name: 'France', kind: 'country', features: ['250'], anchor: [2.352, 48.857] },
        {
          id: 'G',
          name: 'Group',
          kind: 'group',
          anchor: [37.6, 55.75],
          members: [{ actor: 'FRA', from: '2000' }],
        },
      ],
    };
    expect(geoFindings(json).map((f) => f.message)).toEqual([
      'the marker sits in Russia, which is not a member of Group',
    ]);
  });
});

describe('colour warnings', () => {
  it('warns of a role colour close to a relation colour or to another role (CIEDE2000)', () => {
    const findings = colourFindings({
      roles: [
        // Next to the light theme's mutual-defence red (#8e1400), and to each other.
        { id: 'a', color: '#8F1501' },
        { id: 'b', color: '#911603' },
        { id: 'c', color: '#2f6f9f' },
      ],
    });
    expect(findings.map((f) => f.path.join('.'))).toEqual(['roles.0.color', 'roles.1.color']);
    expect(findings[0]?.message).toMatch(/"mutual-defence" relation colour #8e1400/);
    expect(findings[1]?.message).toMatch(/role "a" #8F1501 \(ΔE00 0\.\d\)/);
  });
});

it('the default article still ends the same way (fixture sanity)', () => {
  expect(readFileSync('static/stories/russia-north-korea-2024.txt', 'utf8')).toMatch(/Putin/);
});

describe('npm run story -- check, as a command', () => {
  const run = (...args: string[]) =>
    spawnSync('node_modules/.bin/tsx', ['scripts/story.ts', ...args], { encoding: 'utf8' });

  it('exits 0 with warnings printed, and 1 on errors', () => {
    const ok = run('check', 'tests/fixtures/nordic-baltic.json');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/warning/);
    expect(ok.stdout).toMatch(/✓ tests\/fixtures\/nordic-baltic.json: no errors, \d warnings?/);
    const dir = mkdtempSync(join(tmpdir(), 'story-'));
    writeFileSync(
      join(dir, 'mini.json'),
      JSON.stringify({ ...story(), asOf: '2021-13-01' }, null, 2),
    );
    writeFileSync(join(dir, 'mini.txt'), ARTICLE);
    const bad = run('check', join(dir, 'mini.json'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('mini.json:5:3  error  asOf: month 13 does not exist');
    // Two runs of a TypeScript command that reads the 50m atlas.
  }, 30_000);

  it('explains itself when called without a verb', () => {
    const none = run();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('npm run story -- check <story.json>');
  }, 15_000);
});
