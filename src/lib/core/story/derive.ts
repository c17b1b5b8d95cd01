/**
 * What a story file may leave out because the loader can work it out: an actor's or a
 * relation's passages (the passages that name them: for a relation, every side), and the marker of a group with no seat
 * (beside the member nearest the middle of them all).
 */

type Json = Record<string, unknown>;
type LonLat = [number, number];

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<string, RegExp | null>();
/** One pattern for a list of names, made once: whole words only. */
function namePattern(candidates: readonly string[]): RegExp | null {
  const key = candidates.join('\u0000');
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    const words = candidates.map((n) => n.trim()).filter((n) => n.length > 1);
    pattern = words.length
      ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'u')
      : null;
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Whether `text` names any of `names` as whole words ("Iran" is not found in "Iranian"). */
export function names(text: string, candidates: readonly string[]): boolean {
  // Most passages hold none of the names at all: a plain search rules them out quickly.
  if (!candidates.some((name) => text.includes(name.trim()))) return false;
  return namePattern(candidates)?.test(text) ?? false;
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
  // Each list's words trimmed and its pattern made once, not once per passage.
  const tests = wordLists.map((words) => {
    const trimmed = words.map((n) => n.trim());
    return (text: string) =>
      trimmed.some((name) => text.includes(name)) && (namePattern(words)?.test(text) ?? false);
  });
  return passages.filter((p) => tests.every((named) => named(p.quote))).map((p) => p.id);
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
  return {
    ...story,
    actors: story.actors.map((a) =>
      a.passages.length
        ? a
        : { ...a, passages: passagesNaming(story.passages, [words.get(a.id) ?? []]) },
    ),
    relations: story.relations.map((r) =>
      r.passages.length
        ? r
        : {
            ...r,
            passages: passagesNaming(
              story.passages,
              r.sides.map((id) => words.get(id) ?? []),
            ),
          },
    ),
  };
}
