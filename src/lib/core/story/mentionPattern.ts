/**
 * The one pattern for names of actors in a text: the story drafts find mentions with it, the
 * studio's article and the reading panel's passages mark them, so all three mean the same words.
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Any of `names` as whole words, longest first; case matters ("US" the country, not "us"). Not a
 * sea or strait named after a country: "China" in the South China Sea, "Japan" in the Sea of
 * Japan, "Indian" in the Indian Ocean. Null when no name has a letter to match.
 */
export function mentionPattern(names: Iterable<string>): RegExp | null {
  const usable = [...new Set(names)].filter((n) => n.trim()).sort((a, b) => b.length - a.length);
  if (!usable.length) return null;
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?<!\\b(?:Sea|Gulf|Bay|Strait) of )(?:${usable.map(escape).join('|')})(?![\\p{L}\\p{N}])(?!\\s+(?:Sea|Ocean|Gulf|Straits?)\\b)`,
    'gu',
  );
}
