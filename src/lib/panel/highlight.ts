/**
 * Splits a passage into plain and highlighted runs without changing a single character:
 * joined back together, the runs are the article's own words.
 */
import { mentionPattern } from '../core/story/mentionPattern';

export interface Run {
  text: string;
  mark: boolean;
}

/** The last few patterns: a panel marks the same terms in every one of its passages. */
const patterns = new Map<string, RegExp | null>();

/** One pattern matching any of the terms as names (mentionPattern); null for no terms. */
function termPattern(terms: readonly string[]): RegExp | null {
  const key = terms.join('\u0000');
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    pattern = mentionPattern(terms);
    if (patterns.size >= 8) patterns.delete(patterns.keys().next().value!);
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Marks every whole-word occurrence of the terms (longest first, case-sensitive), but in the
 * name of a sea or strait ("the South China Sea"). */
export function highlightRuns(text: string, terms: readonly string[]): Run[] {
  const pattern = termPattern(terms);
  if (!pattern) return [{ text, mark: false }];
  const runs: Run[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) runs.push({ text: text.slice(last, start), mark: false });
    runs.push({ text: match[0], mark: true });
    last = start + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), mark: false });
  return runs.length ? runs : [{ text, mark: false }];
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * The runs as HTML: each marked run in a `<mark>`, every character of the text escaped, so the
 * markup holds the article's words as text and nothing else. A passage is set with this in one
 * step, not as a node per run, in the frame that answers a click.
 */
export function runsHtml(runs: readonly Run[]): string {
  return runs
    .map((run) => {
      const text = run.text.replace(/[&<>]/g, (c) => ENTITIES[c]!);
      return run.mark ? `<mark>${text}</mark>` : text;
    })
    .join('');
}

/** The article cut into paragraphs, with the paragraph and run that hold a quoted passage. */
export interface ArticleParagraph {
  runs: Run[];
  hasPassage: boolean;
}

/** Splits the article into paragraphs and marks the quoted passage where it occurs. */
export function articleWithPassage(article: string, quote: string | null): ArticleParagraph[] {
  return article
    .split(/\n\s*\n/)
    .filter((p) => p.trim().length > 0)
    .map((paragraph) => {
      const at = quote ? paragraph.indexOf(quote) : -1;
      if (!quote || at < 0) return { runs: [{ text: paragraph, mark: false }], hasPassage: false };
      const runs: Run[] = [
        { text: paragraph.slice(0, at), mark: false },
        { text: quote, mark: true },
        { text: paragraph.slice(at + quote.length), mark: false },
      ].filter((r) => r.text.length > 0);
      return { runs, hasPassage: true };
    });
}
