/**
 * Turns untrusted JSON and article text into a `Story`, or into every problem at once, each
 * naming the item (by id) and field at fault in plain words. The app's error view and
 * `npm run story -- check` share it, so the reader and the writer see the same messages. It
 * never throws: a story file written by hand will have mistakes, and the reader must be told
 * what is wrong instead of seeing a blank page.
 *
 * The schema (valibot) checks each field; the reference checks below read the raw JSON
 * leniently, so they run even when the schema refuses the file and both kinds of problem are
 * reported in one pass.
 */
import * as v from 'valibot';
import { parseDate, type StoryDate } from './dates';
import { actorWords, passageFinder, withDerivedPassages, withGroupAnchors } from './derive';
import { yieldToMain } from './slices';
import { StorySchema, type Story } from './schema';

export type JsonPath = (string | number)[];

export interface StoryError {
  /** Where, for people: `relations[3] "arms-prk-rus" → from`. */
  where: string;
  message: string;
  /** Where, for tools: the path in the story's JSON (`['relations', 3, 'from']`). */
  path?: JsonPath;
  /** The id of the item at fault, when it has one. */
  id?: string;
  /** The field at fault. */
  field?: string;
  /** Extra lines to show in monospace: the nearest passage of the article, for a quote. */
  context?: string[];
  /** What `explainErrors` (messages.ts, loaded only when there are errors) needs to say more. */
  hint?: Hint;
}

/**
 * The makings of a fuller message: a misspelt name and the names it may have meant, a date to
 * say what is wrong with, a quote to compare with the article.
 */
export type Hint =
  | { kind: 'guess'; wrong: string; known: string[]; prefix: string }
  | { kind: 'date'; text: string }
  | { kind: 'quote'; quote: string }
  | { kind: 'issue'; issue: v.BaseIssue<unknown> };

export type StoryResult = { ok: true; story: Story } | { ok: false; errors: StoryError[] };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const COLLECTIONS = [
  'roles',
  'sources',
  'notes',
  'passages',
  'actors',
  'relations',
  'events',
  'spans',
  'steps',
] as const;
type Collection = (typeof COLLECTIONS)[number];
const NOUN: Record<Collection, string> = {
  roles: 'role',
  sources: 'source',
  notes: 'note',
  passages: 'passage',
  actors: 'actor',
  relations: 'relation',
  events: 'event',
  spans: 'span',
  steps: 'step',
};

/** An error at `path`, described with the ids of the items along it. */
function problem(json: unknown, path: JsonPath, message: string, hint?: Hint): StoryError {
  let node: unknown = json;
  let where = '';
  let id: string | undefined;
  for (const key of path) {
    node = isObject(node) || Array.isArray(node) ? (node as Json)[key] : undefined;
    if (typeof key === 'number') {
      const itemId = isObject(node) && typeof node['id'] === 'string' ? node['id'] : undefined;
      id ??= itemId;
      where += `[${key}]${itemId ? ` "${itemId}"` : ''}`;
    } else {
      where += where ? ` → ${key}` : key;
    }
  }
  const field = [...path].reverse().find((k): k is string => typeof k === 'string');
  return {
    where: where || 'the story file',
    message,
    path,
    ...(id !== undefined && { id }),
    ...(field !== undefined && { field }),
    ...(hint && { hint }),
  };
}

function schemaErrors(json: unknown, issues: readonly v.BaseIssue<unknown>[]): StoryError[] {
  return issues.map((issue) =>
    problem(
      json,
      (issue.path ?? []).map((item) => item.key as string | number),
      issue.message,
      { kind: 'issue', issue },
    ),
  );
}

/** The items of a collection in the raw JSON, with their indexes; anything odd is skipped. */
function itemsOf(json: Json, name: string): [Json, number][] {
  const list = json[name];
  return Array.isArray(list)
    ? list
        .map((item, i) => [item, i] as [unknown, number])
        .filter((e): e is [Json, number] => isObject(e[0]))
    : [];
}
const text = (item: Json, key: string) =>
  typeof item[key] === 'string' ? (item[key] as string) : undefined;
/** A list of ids in the raw JSON, with their indexes. */
const idList = (item: Json, key: string): [string, number][] =>
  Array.isArray(item[key])
    ? (item[key] as unknown[])
        .map((id, j) => [id, j] as [unknown, number])
        .filter((e): e is [string, number] => typeof e[0] === 'string')
    : [];

/** Cross-reference checks that need the whole story: ids, dates, intervals, cycles and quotes. */
function referenceErrors(json: Json, article: string): StoryError[] {
  const errors: StoryError[] = [];
  const add = (path: JsonPath, message: string, hint?: Hint) =>
    errors.push(problem(json, path, message, hint));
  /** An unknown name, with the names it may have been meant as. */
  const unknown = (path: JsonPath, message: string, wrong: string, known: Set<string>) =>
    add(path, message, { kind: 'guess', wrong, known: [...known], prefix: message });

  const ids = {} as Record<Collection, Set<string>>;
  for (const name of COLLECTIONS) {
    ids[name] = new Set();
    for (const [item, i] of itemsOf(json, name)) {
      const id = text(item, 'id');
      if (id === undefined) continue;
      if (ids[name].has(id)) add([name, i, 'id'], `duplicate id "${id}"`);
      ids[name].add(id);
    }
  }

  const ref = (path: JsonPath, id: string, target: Collection) => {
    if (!ids[target].has(id)) unknown(path, `unknown ${NOUN[target]} "${id}"`, id, ids[target]);
  };
  const refs = (base: JsonPath, item: Json, field: string, target: Collection) => {
    for (const [id, j] of idList(item, field)) ref([...base, field, j], id, target);
  };
  const one = (base: JsonPath, item: Json, field: string, target: Collection) => {
    const id = text(item, field);
    if (id !== undefined) ref([...base, field], id, target);
  };
  // Each date is checked by the schema; here they are only compared, each text parsed once.
  const parsed = new Map<string, StoryDate | null>();
  const date = (value: string) => {
    if (!parsed.has(value)) parsed.set(value, parseDate(value));
    return parsed.get(value) ?? null;
  };
  /** A start and an end; the end may not begin before the start does (`asof` compares earliest days). */
  const interval = (
    base: JsonPath,
    item: Json,
    fields: readonly [string, string] = ['from', 'to'],
  ) => {
    const [from, to] = [text(item, fields[0]), text(item, fields[1])];
    if (from === undefined || to === undefined) return;
    const [a, b] = [date(from), date(to)];
    if (a && b && b.earliest < a.earliest)
      add([...base, fields[1]], `ends (${b.text}) before it starts (${a.text})`);
  };

  const passages = itemsOf(json, 'passages');
  for (const [p, i] of passages) {
    const quote = text(p, 'quote');
    if (quote !== undefined && quote.trim() && !article.includes(quote)) {
      add(['passages', i, 'quote'], 'not in the article', { kind: 'quote', quote });
    }
    refs(['passages', i], p, 'notes', 'notes');
  }
  for (const [r, i] of itemsOf(json, 'roles')) refs(['roles', i], r, 'groups', 'actors');
  for (const [n, i] of itemsOf(json, 'notes')) refs(['notes', i], n, 'sources', 'sources');

  const actors = itemsOf(json, 'actors');
  const actorById = new Map(actors.map(([a]) => [text(a, 'id'), a]));
  const successor = new Map<string, string>();
  const memberOf = new Map<string, string[]>();
  for (const [a, i] of actors) {
    const base = ['actors', i];
    const id = text(a, 'id');
    one(base, a, 'role', 'roles');
    const periods = itemsOf(a, 'roles');
    if (text(a, 'role') !== undefined && periods.length)
      add([...base, 'roles'], 'give either "role" or "roles", not both');
    for (const [r, j] of periods) {
      one([...base, 'roles', j], r, 'role', 'roles');
      interval([...base, 'roles', j], r);
    }
    refs(base, a, 'passages', 'passages');
    refs(base, a, 'notes', 'notes');
    const next = text(a, 'successor');
    if (next !== undefined) {
      if (next === id) add([...base, 'successor'], 'an actor cannot be its own successor');
      else one(base, a, 'successor', 'actors');
      if (id) successor.set(id, next);
    }
    if (isObject(a['exists'])) interval([...base, 'exists'], a['exists']);
    for (const [m, j] of itemsOf(a, 'members')) {
      const member = text(m, 'actor');
      if (member !== undefined && member === id)
        add([...base, 'members', j, 'actor'], 'a group cannot be a member of itself');
      else one([...base, 'members', j], m, 'actor', 'actors');
      if (id && member) memberOf.set(id, [...(memberOf.get(id) ?? []), member]);
      interval([...base, 'members', j], m);
    }
  }
  // A chain of successors must end; so must a chain of groups within groups.
  for (const [a, i] of actors) {
    const id = text(a, 'id');
    if (!id) continue;
    const chain = [id];
    for (let next = successor.get(id); next && next !== id; next = successor.get(next)) {
      if (chain.includes(next)) break;
      chain.push(next);
      if (successor.get(next) === id) {
        add(
          ['actors', i, 'successor'],
          `successors go round in a circle: ${[...chain, id].join(' → ')}`,
        );
        break;
      }
    }
    const within = (group: string, seen: string[]): string[] | null => {
      for (const member of memberOf.get(group) ?? []) {
        if (member === id && seen.length > 1) return [...seen, id];
        if (!seen.includes(member) && member !== group) {
          const found = within(member, [...seen, member]);
          if (found) return found;
        }
      }
      return null;
    };
    const loop = within(id, [id]);
    if (loop) add(['actors', i, 'members'], `groups contain each other: ${loop.join(' ⊃ ')}`);
  }

  const passageList = passages
    .map(([p]) => ({ id: text(p, 'id') ?? '', quote: text(p, 'quote') ?? '' }))
    .filter((p) => p.id);
  const naming = passageFinder(passageList);
  for (const [r, i] of itemsOf(json, 'relations')) {
    const base = ['relations', i];
    // Two sides as the file usually writes them (from, to), or more in a `sides` list.
    const sides: [string, JsonPath][] = Array.isArray(r['sides'])
      ? idList(r, 'sides').map(([id, j]) => [id, [...base, 'sides', j]])
      : (['from', 'to'] as const).flatMap((field) => {
          const id = text(r, field);
          return id === undefined ? [] : [[id, [...base, field]] as [string, JsonPath]];
        });
    sides.forEach(([id, path], j) => {
      if (sides.findIndex(([other]) => other === id) !== j)
        add(path, 'a relation needs two different sides');
      else ref(path, id, 'actors');
    });
    refs(base, r, 'passages', 'passages');
    refs(base, r, 'notes', 'notes');
    refs(base, r, 'related', 'relations');
    for (const [p, j] of itemsOf(r, 'periods')) interval([...base, 'periods', j], p);
    const ids_ = sides.map(([id]) => id);
    const cited = idList(r, 'passages').length > 0;
    if (!cited && ids_.length >= 2 && ids_.every((id) => actorById.has(id))) {
      const found = naming(ids_.map((id) => actorWords(actorById.get(id))));
      if (!found.length)
        add(
          [...base, 'passages'],
          `cites no passage, and no passage names ${ids_.length === 2 ? 'both' : 'all of'} ${ids_.map((id) => `"${id}"`).join(' and ')} (by name or alias): list the passages`,
        );
    }
  }
  for (const [e, i] of itemsOf(json, 'events')) {
    const base = ['events', i];
    interval(base, e, ['date', 'until']);
    for (const [id, j] of idList(e, 'sources'))
      if (id !== 'article') ref([...base, 'sources', j], id, 'sources');
    refs(base, e, 'actors', 'actors');
    refs(base, e, 'relations', 'relations');
    refs(base, e, 'passages', 'passages');
    refs(base, e, 'notes', 'notes');
  }
  for (const [s, i] of itemsOf(json, 'spans')) {
    for (const field of ['from', 'to']) {
      const end = text(s, field);
      if (end !== undefined && !ids.events.has(end) && !date(end))
        unknown(['spans', i, field], `"${end}" is neither an event id nor a date`, end, ids.events);
    }
    refs(['spans', i], s, 'relations', 'relations');
  }
  for (const [step, i] of itemsOf(json, 'steps')) {
    const base = ['steps', i];
    one(base, step, 'event', 'events');
    for (const field of ['actors', 'relations', 'passages', 'notes'] as const)
      refs(base, step, field, field);
  }
  return errors;
}

/**
 * An error as it can cross to the page: a schema issue keeps what the messages read of it (its
 * kind, type, expectation, value when plain, path keys), not the story objects it points into
 * nor a requirement that is a function.
 */
export function cloneable(error: StoryError): StoryError {
  if (error.hint?.kind !== 'issue') return error;
  const { kind, type, expected, received, message, input, path } = error.hint.issue;
  const requirement = (error.hint.issue as { requirement?: unknown }).requirement;
  const plain = (value: unknown) =>
    Array.isArray(value) ? [] : typeof value === 'object' && value !== null ? {} : value;
  const issue = {
    kind,
    type,
    expected,
    received,
    message,
    input: plain(input),
    requirement: typeof requirement === 'function' ? undefined : plain(requirement),
    path: path?.map((item) => ({ key: item.key })),
  };
  return { ...error, hint: { kind: 'issue', issue: issue as v.BaseIssue<unknown> } };
}

/** One message per place: a field the schema refuses is not reported again by the references. */
function firstPerPlace(errors: StoryError[]): StoryError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = JSON.stringify(e.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Validates a story file against the schema and against its own article, all in one pass. */
export function parseStory(json: unknown, article: string): StoryResult {
  const steps = parseSteps(json, article);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** What a story's check is doing, for a progress message. */
export type CheckPhase = 'schema' | 'references' | 'passages';

/**
 * `parseStory` with the main thread handed back between its phases (the schema, the
 * cross-references, the derived passages), so that a story of thousands of items never
 * freezes the page while it is checked; `onPhase` names each phase as it starts.
 */
export async function parseStoryInSlices(
  json: unknown,
  article: string,
  {
    onPhase,
    pause = yieldToMain,
  }: { onPhase?: (phase: CheckPhase) => void; pause?: () => Promise<void> } = {},
): Promise<StoryResult> {
  const steps = parseSteps(json, article);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    onPhase?.(step.value);
    await pause();
  }
}

/** The check, as steps that stop before each phase: the same code for both ways of running it. */
function* parseSteps(json: unknown, article: string): Generator<CheckPhase, StoryResult> {
  try {
    if (!isObject(json)) {
      const found = json === null ? 'null' : Array.isArray(json) ? 'a list' : `a ${typeof json}`;
      return {
        ok: false,
        errors: [problem(json, [], `must be a JSON object with the story’s fields, not ${found}`)],
      };
    }
    yield 'schema';
    const filled = withGroupAnchors(json);
    const parsed = v.safeParse(StorySchema, filled);
    yield 'references';
    const errors = firstPerPlace([
      ...(parsed.success ? [] : schemaErrors(filled, parsed.issues)),
      ...referenceErrors(filled, article),
    ]);
    if (errors.length || !parsed.success) return { ok: false, errors };
    yield 'passages';
    return { ok: true, story: withDerivedPassages(parsed.output) };
  } catch (error) {
    return { ok: false, errors: [problem(json, [], String(error))] };
  }
}
