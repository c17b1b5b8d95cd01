/** The article's sentences, for the draft generator (`npm run story -- draft` and the studio). */

export interface Sentence {
  text: string;
  /** Where the sentence starts in the article. */
  start: number;
  /** Which of the article's non-empty lines (its paragraphs, headings and datelines) holds it. */
  paragraph: number;
}

/** The article's sentences, as they stand in it (headings and lines are sentences too). */
export function sentences(article: string): Sentence[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Sentence[] = [];
  let paragraph = -1;
  for (const line of article.matchAll(/[^\n]+/g)) {
    if (line[0].trim()) paragraph += 1;
    for (const s of segmenter.segment(line[0])) {
      const text = s.segment.trim();
      if (text)
        out.push({ text, start: line.index + s.index + s.segment.indexOf(text), paragraph });
    }
  }
  return out;
}
