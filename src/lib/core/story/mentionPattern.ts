/**
 * The one pattern for names of actors in a text: the story drafts find mentions with it, the
 * studio's article and the reading panel's passages mark them, so all three mean the same words.
 */

/** The text as a regular expression that matches it literally. */
export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Any of `names` as whole words, longest first; case matters ("US" the country, not "us"). Not a
 * sea or strait named after a country: "China" in the South China Sea (or the East and South
 * China Seas), "Japan" in the Sea of Japan, "Indian" in the Indian Ocean; the sea's name on the
 * same line (a headline ending in a name is not one with the paragraph under it). Null when no
 * name has a letter to match.
 */
export function mentionPattern(names: Iterable<string>): RegExp | null {
  const usable = [...new Set(names)].filter((n) => n.trim()).sort((a, b) => b.length - a.length);
  if (!usable.length) return null;
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?<!\\b(?:[Ss]ea|[Gg]ulf|[Bb]ay|[Ss]traits?) of[ \\u00a0])(?:${usable.map(escape).join('|')})(?![\\p{L}\\p{N}])(?![ \\u00a0]+(?:[Ss]eas?|[Oo]cean|[Gg]ulf|[Ss]traits?)\\b)`,
    'gu',
  );
}
