/**
 * What a story file may leave out because the loader can work it out: an actor's or a
 * relation's passages (the passages that name them: for a relation, every side), and the marker of a group with no seat
 * (beside the member nearest the middle of them all).
 */

type Json = Record<string, unknown>;
type LonLat = [number, number];

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A letter or digit of any script: what a whole word may not touch on either side. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The code point that ends just before `at` (a letter of a script outside the BMP included). */
function pointBefore(text: string, at: number): string {
  const last = text.charCodeAt(at - 1);
  const pair = last >= 0xdc00 && last <= 0xdfff && at >= 2;
  return String.fromCodePoint(text.codePointAt(at - (pair ? 2 : 1))!);
}

/** Whether `word` occurs in `text` with no letter or digit right before or after it. */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const after = text.codePointAt(at + word.length);
    if (at > 0 && WORD_CHAR.test(pointBefore(text, at))) continue;
    if (after !== undefined && WORD_CHAR.test(String.fromCodePoint(after))) continue;
    return true;
  }
  return false;
}

/**
 * A test of whether a text names any of `candidates` as whole words (names of one letter never
 * count). One shared pattern checks the letters around each find: a pattern per list of names,
 * with Unicode classes, took most of a large story's check to compile.
 */
function namingTest(candidates: readonly string[]): (text: string) => boolean {
  const words = candidates.map((n) => n.trim()).filter((n) => n.length > 1);
  return (text) => words.some((word) => hasWord(text, word));
}

/** Whether `text` names any of `names` as whole words ("Iran" is not found in "Iranian"). */
export function names(text: string, candidates: readonly string[]): boolean {
  return namingTest(candidates)(text);
}

/** An actor's name and aliases, the words that say the article is about it. */
export function actorWords(actor: unknown): string[] {
  if (!isObject(actor)) return [];
  const words = [actor['name'], ...(Array.isArray(actor['aliases']) ? actor['aliases'] : [])];
  return words.filter((w): w is string => typeof w === 'string');
}

/** The passages (by id) whose quote names every one of the given word lists. */
export function passagesNaming(
  passages: readonly { id: string; quote: string }[],
  wordLists: readonly string[][],
): string[] {
  // Each list's words trimmed once, not once per passage.
  const tests = wordLists.map(namingTest);
  return passages.filter((p) => tests.every((named) => named(p.quote))).map((p) => p.id);
}

/**
 * `passagesNaming` for many lists over the same passages: the passages naming each list of words
 * are found once (a story's relations share their sides' names), and a relation's passages are
 * the passages its sides' lists have in common. Thousands of relations then cost a pass over the
 * passages per actor, not one per relation.
 */
export function passageFinder(passages: readonly { id: string; quote: string }[]) {
  const found = new Map<string, number[]>();
  /** Indexes (ascending) of the passages naming any of `words`. */
  const naming = (words: readonly string[]): number[] => {
    const key = words.join('\u0000');
    let list = found.get(key);
    if (!list) {
      const named = namingTest(words);
      list = [];
      for (let i = 0; i < passages.length; i++) if (named(passages[i]!.quote)) list.push(i);
      found.set(key, list);
    }
    return list;
  };
  return (wordLists: readonly (readonly string[])[]): string[] => {
    if (!wordLists.length) return passages.map((p) => p.id);
    const [first, ...rest] = wordLists.map(naming).sort((a, b) => a.length - b.length);
    const others = rest.map((list) => new Set(list));
    return first!.filter((i) => others.every((set) => set.has(i))).map((i) => passages[i]!.id);
  };
}

/** The point on the globe midway between anchors (the mean of their unit vectors). */
export function sphericalMean(points: readonly LonLat[]): LonLat | undefined {
  if (points.length === 0) return undefined;
  const rad = Math.PI / 180;
  let [x, y, z] = [0, 0, 0];
  for (const [lon, lat] of points) {
    x += Math.cos(lat * rad) * Math.cos(lon * rad);
    y += Math.cos(lat * rad) * Math.sin(lon * rad);
    z += Math.sin(lat * rad);
  }
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return [round(Math.atan2(y, x) / rad), round(Math.atan2(z, Math.hypot(x, y)) / rad)];
}

/**
 * The member anchor nearest the middle of them all: a marker on a member's own land (the mean
 * of Canberra, London and Washington lies in Canada). The map pushes the two markers apart.
 */
export function middleMember(points: readonly LonLat[]): LonLat | undefined {
  const mean = sphericalMean(points);
  if (!mean) return undefined;
  const rad = Math.PI / 180;
  const closeness = ([lon, lat]: LonLat) =>
    Math.sin(lat * rad) * Math.sin(mean[1] * rad) +
    Math.cos(lat * rad) * Math.cos(mean[1] * rad) * Math.cos((lon - mean[0]) * rad);
  return points.reduce((best, p) => (closeness(p) > closeness(best) ? p : best));
}

const isLonLat = (value: unknown): value is LonLat =>
  Array.isArray(value) &&
  value.length === 2 &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n));

/**
 * The story's raw JSON with an anchor given to each group that has none: that of the member
 * nearest the middle of them all. Runs before the schema, so the rest of the app always has an anchor.
 */
export function withGroupAnchors(json: Json): Json {
  const actors = json['actors'];
  if (!Array.isArray(actors)) return json;
  const anchors = new Map<string, LonLat>();
  for (const a of actors)
    if (isObject(a) && typeof a['id'] === 'string' && isLonLat(a['anchor']))
      anchors.set(a['id'], a['anchor']);
  let changed = false;
  const filled = actors.map((a) => {
    if (!isObject(a) || a['anchor'] !== undefined || !Array.isArray(a['members'])) return a;
    const points = a['members']
      .map((m) =>
        isObject(m) && typeof m['actor'] === 'string' ? anchors.get(m['actor']) : undefined,
      )
      .filter((p): p is LonLat => p !== undefined);
    const anchor = middleMember(points);
    if (!anchor) return a;
    changed = true;
    return { ...a, anchor };
  });
  return changed ? { ...json, actors: filled } : json;
}

interface Derivable {
  passages: { id: string; quote: string }[];
  actors: { id: string; name: string; aliases: string[]; passages: string[] }[];
  relations: { sides: string[]; passages: string[] }[];
}

/**
 * Fills in the passages an actor or relation leaves out: for an actor, the passages that name
 * it; for a relation, those that name every one of its sides.
 */
export function withDerivedPassages<S extends Derivable>(story: S): S {
  const words = new Map(story.actors.map((a) => [a.id, [a.name, ...a.aliases]]));
  const naming = passageFinder(story.passages);
  return {
    ...story,
    actors: story.actors.map((a) =>
      a.passages.length ? a : { ...a, passages: naming([words.get(a.id) ?? []]) },
    ),
    relations: story.relations.map((r) =>
      r.passages.length
        ? r
        : {
            ...r,
            passages: naming(r.sides.map((id) => words.get(id) ?? [])),
          },
    ),
  };
}
