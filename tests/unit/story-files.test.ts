/**
 * Checks the story files that ship with the app (static/stories) and the test fixtures:
 * each must match the schema, quote its article word for word, and refer only to ids it defines.
 */
import { describe, it, expect } from 'vitest';
import * as v from 'valibot';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARTIAL_DATE, StorySchema, type Story } from '../../src/lib/story/schema';
import { parseStory } from '../../src/lib/story/validate';

const root = fileURLToPath(new URL('../..', import.meta.url));
const storyDirs = ['static/stories', 'tests/fixtures'];
const storyFiles = storyDirs.flatMap((dir) =>
  fs
    .readdirSync(path.join(root, dir))
    // A story's presentation file is checked with its story, below.
    .filter((name) => name.endsWith('.json') && !name.endsWith('.presentation.json'))
    .map((name) => path.join(dir, name)),
);
const sharedSeed = path.resolve(root, '../shared/seed/article.txt');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
}

/** The parsed story, or an error listing every schema issue with its path. */
function loadStory(file: string): Story {
  const result = v.safeParse(StorySchema, readJson(file));
  if (!result.success) {
    const issues = result.issues.map(
      (issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`,
    );
    throw new Error(`${file} does not match the schema:\n${issues.join('\n')}`);
  }
  return result.output;
}

function readArticle(file: string, story: Story): string {
  return fs.readFileSync(path.join(root, path.dirname(file), story.article.src), 'utf8');
}

/** Every id the story uses that it does not define, as "where: id" lines. */
function danglingIds(story: Story): string[] {
  const ids = {
    role: new Set(story.roles.map((r) => r.id)),
    actor: new Set(story.actors.map((a) => a.id)),
    passage: new Set(story.passages.map((p) => p.id)),
    note: new Set(story.notes.map((n) => n.id)),
    source: new Set(story.sources.map((s) => s.id)),
    relation: new Set(story.relations.map((r) => r.id)),
    event: new Set(story.events.map((e) => e.id)),
  };
  const problems: string[] = [];
  const need = (kind: keyof typeof ids, where: string, list: readonly string[]) => {
    for (const id of list)
      if (!ids[kind].has(id)) problems.push(`${where}: unknown ${kind} "${id}"`);
  };

  for (const note of story.notes) need('source', `note ${note.id}`, note.sources);
  for (const passage of story.passages) need('note', `passage ${passage.id}`, passage.notes);
  for (const actor of story.actors) {
    const where = `actor ${actor.id}`;
    need('role', where, [...(actor.role ? [actor.role] : []), ...actor.roles.map((r) => r.role)]);
    need(
      'actor',
      where,
      actor.members.map((m) => m.actor),
    );
    need('actor', where, actor.successor ? [actor.successor] : []);
    need('passage', where, actor.passages);
    need('note', where, actor.notes);
  }
  for (const relation of story.relations) {
    const where = `relation ${relation.id}`;
    need('actor', where, relation.sides);
    need('passage', where, relation.passages);
    need('note', where, relation.notes);
    need('relation', where, relation.related);
  }
  for (const event of story.events) {
    const where = `event ${event.id}`;
    need('source', where, event.sources);
    need('actor', where, event.actors);
    need('relation', where, event.relations);
    need('passage', where, event.passages);
    need('note', where, event.notes);
  }
  for (const span of story.spans) {
    const where = `span ${span.id}`;
    need('relation', where, span.relations);
    const ends = [span.from, span.to].filter((end): end is string => end !== undefined);
    need(
      'event',
      where,
      ends.filter((end) => !end.split('/').every((part) => PARTIAL_DATE.test(part))),
    );
  }
  return problems;
}

/** Ids that appear twice within one collection (two actors called "RUS", say). */
function duplicateIds(story: Story): string[] {
  const collections = {
    roles: story.roles,
    sources: story.sources,
    notes: story.notes,
    passages: story.passages,
    actors: story.actors,
    relations: story.relations,
    events: story.events,
    spans: story.spans,
  };
  return Object.entries(collections).flatMap(([name, items]) => {
    const seen = new Set<string>();
    return items.flatMap(({ id }) => (seen.has(id) ? [`${name}: ${id}`] : (seen.add(id), [])));
  });
}

describe('story files', () => {
  it('finds the default story and at least one fixture', () => {
    expect(storyFiles).toContain(path.join('static/stories', 'russia-north-korea-2024.json'));
    expect(storyFiles.some((file) => file.startsWith('tests/fixtures'))).toBe(true);
  });

  for (const file of storyFiles) {
    describe(file, () => {
      it('matches the story schema', () => {
        expect(() => loadStory(file)).not.toThrow();
      });

      it('quotes the article word for word in every passage', () => {
        const story = loadStory(file);
        const article = readArticle(file, story);
        const missing = story.passages.filter((p) => !article.includes(p.quote)).map((p) => p.id);
        expect(missing).toEqual([]);
      });

      it('refers only to ids that the story defines', () => {
        expect(danglingIds(loadStory(file))).toEqual([]);
      });

      it('uses each id once within a collection', () => {
        expect(duplicateIds(loadStory(file))).toEqual([]);
      });

      it('keeps its presentation steps in one place, naming only what the story has', () => {
        const json = readJson(file) as Record<string, unknown>;
        const story = loadStory(file);
        const steps = story.presentation
          ? (readJson(path.join(path.dirname(file), story.presentation)) as { steps: unknown[] })
              .steps
          : story.steps;
        if (story.presentation) expect(steps.length).toBeGreaterThan(0);
        // Steps live in one place: the story file or its presentation file.
        if (story.presentation) expect(json['steps']).toBeUndefined();
        const result = parseStory({ ...json, steps }, readArticle(file, story));
        expect(result.ok ? [] : result.errors).toEqual([]);
      });
    });
  }

  it('ships the default article unchanged from the shared seed', () => {
    if (!fs.existsSync(sharedSeed)) return;
    const shipped = fs.readFileSync(
      path.join(root, 'static/stories/russia-north-korea-2024.txt'),
      'utf8',
    );
    expect(shipped).toBe(fs.readFileSync(sharedSeed, 'utf8'));
  });

  it('gives the default story a classroom presentation in its own file', () => {
    const story = loadStory('static/stories/russia-north-korea-2024.json');
    expect(story.presentation).toBe('russia-north-korea-2024.presentation.json');
    expect(story.steps).toEqual([]);
  });

  it('lists the 32 NATO members of June 2024, with Finland and Sweden on their accession days', () => {
    const story = loadStory('static/stories/russia-north-korea-2024.json');
    const nato = story.actors.find((a) => a.id === 'NATO');
    const members = new Map(nato?.members.map((m) => [m.actor, m.from.text]));
    expect(members.size).toBe(32);
    expect(nato?.members).toHaveLength(32);
    expect(members.get('FIN')).toBe('2023-04-04');
    expect(members.get('SWE')).toBe('2024-03-07');
    expect(members.get('USA')).toBe('1949-04-04');
  });
});
