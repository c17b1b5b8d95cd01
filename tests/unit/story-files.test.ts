/**
 * Checks the story files that ship with the app (static/stories) and the test fixtures with the
 * app's own validator (`parseStory`: the schema, ids defined once and referred to only where
 * defined, dates and intervals, quotes found word for word in the article), the same check the
 * app runs when it loads a story. A broken copy of the default story shows the check can fail.
 */
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStory } from '../../src/lib/core/story/validate';

const root = fileURLToPath(new URL('../..', import.meta.url));
const storyDirs = ['static/stories', 'tests/fixtures'];
const storyFiles = storyDirs.flatMap((dir) =>
  fs
    .readdirSync(path.join(root, dir))
    // A story's presentation file is checked with its story, below.
    .filter((name) => name.endsWith('.json') && !name.endsWith('.presentation.json'))
    .map((name) => path.join(dir, name)),
);
/** The article the project was given (../shared/seed/article.txt), by its SHA-256. */
const SEED_SHA256 = 'fe795b52447ac334ea8db62897e4fe3bf0906f81ff7d23e0441fc1ee648c5702';
const sharedSeed = path.resolve(root, '../shared/seed/article.txt');

type Json = Record<string, unknown>;

function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Json;
}

/** A story file as the app loads it: with its presentation file's steps put in, and its article. */
function loadFile(file: string): { json: Json; article: string } {
  const json = readJson(file);
  const article = fs.readFileSync(
    path.join(root, path.dirname(file), String((json['article'] as Json)['src'])),
    'utf8',
  );
  const presentation = json['presentation'];
  if (typeof presentation !== 'string') return { json, article };
  const { steps } = readJson(path.join(path.dirname(file), presentation));
  return { json: { ...json, steps }, article };
}

/** Every problem the app's validator finds, as "where: message" lines. */
function problems(json: unknown, article: string): string[] {
  const result = parseStory(json, article);
  return result.ok ? [] : result.errors.map((e) => `${e.where}: ${e.message}`);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('story files', () => {
  it('finds the default story and at least one fixture', () => {
    expect(storyFiles).toContain(path.join('static/stories', 'russia-north-korea-2024.json'));
    expect(storyFiles.some((file) => file.startsWith('tests/fixtures'))).toBe(true);
  });

  for (const file of storyFiles) {
    describe(file, () => {
      it('passes the app’s own validator, with its presentation’s steps', () => {
        const { json, article } = loadFile(file);
        expect(problems(json, article)).toEqual([]);
      });

      it('keeps its presentation steps in one place', () => {
        const json = readJson(file);
        if (typeof json['presentation'] === 'string') {
          expect(json['steps']).toBeUndefined();
          expect(loadFile(file).json['steps']).not.toEqual([]);
        }
      });
    });
  }

  describe('a broken copy of the default story is refused', () => {
    const { json, article } = loadFile('static/stories/russia-north-korea-2024.json');
    const actors = json['actors'] as Json[];
    const passages = json['passages'] as Json[];
    it.each<{ name: string; broken: () => Json; problem: RegExp }>([
      {
        name: 'an actor with an undefined role',
        broken: () => ({
          ...json,
          actors: [{ ...actors[0], role: 'no-such-role' }, ...actors.slice(1)],
        }),
        problem: /unknown role "no-such-role"/,
      },
      {
        name: 'two actors with one id',
        broken: () => ({ ...json, actors: [...actors, actors[0]] }),
        problem: /duplicate id/,
      },
      {
        name: 'a quote the article does not hold',
        broken: () => ({
          ...json,
          passages: [{ ...passages[0], quote: 'Words nobody wrote.' }, ...passages.slice(1)],
        }),
        problem: /quote: not in the article/,
      },
      {
        name: 'a missing title',
        broken: () => ({ ...json, title: undefined }),
        problem: /title/,
      },
    ])('$name', ({ broken, problem }) => {
      expect(problems(broken(), article).join('\n')).toMatch(problem);
    });
  });

  it('ships the article the project was given, unchanged', () => {
    const shipped = fs.readFileSync(
      path.join(root, 'static/stories/russia-north-korea-2024.txt'),
      'utf8',
    );
    expect(sha256(shipped)).toBe(SEED_SHA256);
    // Beside the shared folder (not in a clean clone), the seed itself must not have moved on.
    if (fs.existsSync(sharedSeed))
      expect(sha256(fs.readFileSync(sharedSeed, 'utf8'))).toBe(SEED_SHA256);
  });

  it('gives the default story a classroom presentation in its own file', () => {
    const json = readJson('static/stories/russia-north-korea-2024.json');
    expect(json['presentation']).toBe('russia-north-korea-2024.presentation.json');
    expect(json['steps'] ?? []).toEqual([]);
  });

  it('lists the 32 NATO members of June 2024, with Finland and Sweden on their accession days', () => {
    const { json, article } = loadFile('static/stories/russia-north-korea-2024.json');
    const story = parseStory(json, article);
    if (!story.ok) throw new Error(problems(json, article).join('\n'));
    const nato = story.story.actors.find((a) => a.id === 'NATO');
    const members = new Map(nato?.members.map((m) => [m.actor, m.from.text]));
    expect(members.size).toBe(32);
    expect(nato?.members).toHaveLength(32);
    expect(members.get('FIN')).toBe('2023-04-04');
    expect(members.get('SWE')).toBe('2024-03-07');
    expect(members.get('USA')).toBe('1949-04-04');
  });
});
