/**
 * Turns untrusted JSON and article text into a `Story`, or into a list of errors that name the
 * item and field at fault. It never throws: a story file written by hand will have mistakes,
 * and the reader must be told what is wrong instead of seeing a blank page.
 */
import * as v from 'valibot';
import { parseDate, type StoryDate } from './dates';
import { StorySchema, type Story } from './schema';

export interface StoryError {
  /** Where: `relations[3] "arms-prk-rus" → from`. */
  where: string;
  message: string;
}

export type StoryResult = { ok: true; story: Story } | { ok: false; errors: StoryError[] };

type Collection =
  | 'roles'
  | 'sources'
  | 'notes'
  | 'passages'
  | 'actors'
  | 'relations'
  | 'events'
  | 'spans'
  | 'steps';
const COLLECTIONS: Collection[] = [
  'roles',
  'sources',
  'notes',
  'passages',
  'actors',
  'relations',
  'events',
  'spans',
  'steps',
];

/** Describes a position in the raw JSON, naming the item by its id when it has one. */
function describePath(json: unknown, path: readonly (string | number)[]): string {
  let node: unknown = json;
  let out = '';
  for (const key of path) {
    node =
      node && typeof node === 'object'
        ? (node as Record<string | number, unknown>)[key]
        : undefined;
    if (typeof key === 'number') {
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      out += `[${key}]${typeof id === 'string' ? ` "${id}"` : ''}`;
    } else {
      out += out ? ` → ${key}` : key;
    }
  }
  return out || 'the story file';
}

function schemaErrors(json: unknown, issues: readonly v.BaseIssue<unknown>[]): StoryError[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    const expected =
      issue.expected && issue.kind === 'schema' ? ` (expected ${issue.expected})` : '';
    return { where: describePath(json, path), message: issue.message + expected };
  });
}

/** Cross-reference checks that need the whole story: ids, dates, intervals and quotes. */
function referenceErrors(story: Story, article: string): StoryError[] {
  const errors: StoryError[] = [];
  const ids = {} as Record<Collection, Set<string>>;
  for (const name of COLLECTIONS) {
    ids[name] = new Set();
    story[name].forEach((item, i) => {
      if (ids[name].has(item.id)) {
        errors.push({
          where: `${name}[${i}] "${item.id}" → id`,
          message: `duplicate id "${item.id}"`,
        });
      }
      ids[name].add(item.id);
    });
  }

  const refs = (where: string, field: string, list: readonly string[], target: Collection) => {
    for (const id of list) {
      if (!ids[target].has(id)) {
        const noun = target.replace(/s$/, '');
        errors.push({ where: `${where} → ${field}`, message: `unknown ${noun} "${id}"` });
      }
    }
  };
  /** A start and an end; the end may not begin before the start does (`asof` compares earliest days). */
  const interval = (
    where: string,
    a: StoryDate | undefined,
    b: StoryDate | undefined,
    fields: readonly [string, string] = ['from', 'to'],
  ) => {
    const [from, to] = [a?.text, b?.text];
    if (a && b && b.earliest < a.earliest) {
      errors.push({
        where: `${where} → ${fields[1]}`,
        message: `ends (${to}) before it starts (${from})`,
      });
    }
  };

  story.passages.forEach((p, i) => {
    const where = `passages[${i}] "${p.id}"`;
    if (!article.includes(p.quote)) {
      errors.push({
        where: `${where} → quote`,
        message: `quote not found in the article: "${p.quote.slice(0, 60)}…"`,
      });
    }
    refs(where, 'notes', p.notes, 'notes');
  });
  story.roles.forEach((r, i) => refs(`roles[${i}] "${r.id}"`, 'groups', r.groups, 'actors'));
  story.notes.forEach((n, i) => refs(`notes[${i}] "${n.id}"`, 'sources', n.sources, 'sources'));
  story.actors.forEach((a, i) => {
    const where = `actors[${i}] "${a.id}"`;
    if (a.role !== undefined) refs(where, 'role', [a.role], 'roles');
    if (a.role !== undefined && a.roles.length > 0)
      errors.push({
        where: `${where} → roles`,
        message: 'give either "role" or "roles", not both',
      });
    a.roles.forEach((r, j) => {
      refs(`${where} → roles[${j}]`, 'role', [r.role], 'roles');
      interval(`${where} → roles[${j}]`, r.from, r.to);
    });
    refs(where, 'passages', a.passages, 'passages');
    refs(where, 'notes', a.notes, 'notes');
    if (a.successor) refs(where, 'successor', [a.successor], 'actors');
    interval(`${where} → exists`, a.exists.from, a.exists.to);
    a.members.forEach((m, j) => {
      refs(`${where} → members[${j}]`, 'actor', [m.actor], 'actors');
      interval(`${where} → members[${j}]`, m.from, m.to);
    });
  });
  story.relations.forEach((r, i) => {
    const where = `relations[${i}] "${r.id}"`;
    // Two sides are named as the file usually writes them (from, to); more by their place in `sides`.
    const sideField = (i: number) => (r.sides.length === 2 ? (i ? 'to' : 'from') : `sides[${i}]`);
    r.sides.forEach((side, i) => refs(where, sideField(i), [side], 'actors'));
    r.sides.forEach((side, i) => {
      if (r.sides.indexOf(side) !== i)
        errors.push({
          where: `${where} → ${sideField(i)}`,
          message: 'a relation needs two different sides',
        });
    });
    refs(where, 'passages', r.passages, 'passages');
    refs(where, 'notes', r.notes, 'notes');
    refs(where, 'related', r.related, 'relations');
    r.periods.forEach((p, j) => interval(`${where} → periods[${j}]`, p.from, p.to));
  });
  story.events.forEach((e, i) => {
    const where = `events[${i}] "${e.id}"`;
    interval(where, e.date, e.until, ['date', 'until']);
    refs(
      where,
      'sources',
      e.sources.filter((s) => s !== 'article'),
      'sources',
    );
    refs(where, 'actors', e.actors, 'actors');
    refs(where, 'relations', e.relations, 'relations');
    refs(where, 'passages', e.passages, 'passages');
    refs(where, 'notes', e.notes, 'notes');
  });
  story.spans.forEach((s, i) => {
    const where = `spans[${i}] "${s.id}"`;
    for (const [field, end] of [
      ['from', s.from],
      ['to', s.to],
    ] as const) {
      if (end !== undefined && !ids.events.has(end) && !parseDate(end)) {
        errors.push({
          where: `${where} → ${field}`,
          message: `"${end}" is neither an event id nor a date`,
        });
      }
    }
    refs(where, 'relations', s.relations, 'relations');
  });
  story.steps.forEach((step, i) => {
    const where = `steps[${i}] "${step.id}"`;
    if (step.event) refs(where, 'event', [step.event], 'events');
    refs(where, 'actors', step.actors, 'actors');
    refs(where, 'relations', step.relations, 'relations');
    refs(where, 'passages', step.passages, 'passages');
    refs(where, 'notes', step.notes, 'notes');
  });
  return errors;
}

/** Validates a story file against the schema and against its own article. */
export function parseStory(json: unknown, article: string): StoryResult {
  try {
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return {
        ok: false,
        errors: [
          { where: 'the story file', message: 'must be a JSON object with the story’s fields' },
        ],
      };
    }
    const parsed = v.safeParse(StorySchema, json);
    if (!parsed.success) return { ok: false, errors: schemaErrors(json, parsed.issues) };
    const errors = referenceErrors(parsed.output, article);
    return errors.length ? { ok: false, errors } : { ok: true, story: parsed.output };
  } catch (error) {
    return { ok: false, errors: [{ where: 'the story file', message: String(error) }] };
  }
}
