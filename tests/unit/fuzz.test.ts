import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseStory } from '../../src/lib/core/story/validate';

// The story as it is validated for a presentation: with the steps of its presentation file.
const story = {
  ...(JSON.parse(readFileSync('static/stories/russia-north-korea-2024.json', 'utf8')) as Record<
    string,
    unknown
  >),
  ...(JSON.parse(
    readFileSync('static/stories/russia-north-korea-2024.presentation.json', 'utf8'),
  ) as Record<string, unknown>),
};
const article = readFileSync('static/stories/russia-north-korea-2024.txt', 'utf8');

/**
 * What `parseStory`'s last-resort `catch` answers: the text of whatever was thrown, an Error's
 * name first ("TypeError: …"). The validator catches everything, so "it never throws" always
 * holds; what must hold is that nothing is thrown for it to catch.
 */
const CAUGHT = /^(?:[A-Z]\w*)?Error\b/;

/**
 * The validator's promise: it answers with either a story or errors that name where and what,
 * and its checks never fail on their own (the catch-all is never reached).
 */
function holdsContract(input: unknown, text = article): void {
  const result = parseStory(input, text);
  if (result.ok) expect(result.story).toBeTypeOf('object');
  else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(typeof error.where).toBe('string');
      expect(typeof error.message).toBe('string');
      expect(error.message, `${error.where}: ${error.message}`).not.toMatch(CAUGHT);
    }
  }
}

describe('the fuzz check itself', () => {
  it.each(['TypeError: x is undefined', 'RangeError: too deep', 'Error: boom'])(
    'recognises what the catch-all answers for "%s"',
    (message) => expect(message).toMatch(CAUGHT),
  );

  it.each(['must be a JSON object with the story’s fields', 'unknown actor “XYZ”'])(
    'does not mistake the message "%s" for a caught error',
    (message) => expect(message).not.toMatch(CAUGHT),
  );
});

/** A path into the story: a key, then an index or key, chosen by the generator. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [head, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const i = head % value.length;
    const copy = [...value];
    copy[i] = mutate(copy[i], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[head % keys.length]!;
  return {
    ...(value as Record<string, unknown>),
    [key]: mutate((value as Record<string, unknown>)[key], rest, replacement),
  };
}

// Hundreds of whole-story validations each (schema and reference checks both run on every
// input, to report every problem at once): seconds on a busy shared machine.
describe('the story validator under random input', { timeout: 60_000 }, () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => holdsContract(input)),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JavaScript values, including odd objects', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
        }),
        (input) => holdsContract(input),
      ),
      {
        numRuns: 300,
      },
    );
  });

  it('never throws on the real story with one value replaced anywhere, and names what broke', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        fc.jsonValue({ maxDepth: 2 }),
        (path, replacement) => {
          holdsContract(mutate(story, path, replacement));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on the real story with a list cut short or an item dropped', () => {
    const lists = [
      'actors',
      'relations',
      'events',
      'passages',
      'notes',
      'sources',
      'roles',
      'spans',
      'steps',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...lists), fc.nat(), (list, at) => {
        const items = story[list] as unknown[];
        const cut = {
          ...story,
          [list]: items.filter((_, i) => i !== at % Math.max(1, items.length)),
        };
        holdsContract(cut);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws against a random article text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => holdsContract(story, text)),
      { numRuns: 100 },
    );
  });
});
