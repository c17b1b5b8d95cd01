/**
 * A first draft for a pasted article: the article's sentences (found with Intl.Segmenter, so
 * every passage is verbatim), the countries it names, and the pairs of countries named in one
 * sentence as candidate relations, typed and given a status from the sentence's words. Each is
 * a suggestion the editor accepts or drops. (The story tools' generator replaces this one behind
 * the same signature once it runs in the browser.)
 */
import type { RelationStatus, RelationType } from '../core/story/schema';
import type * as v from 'valibot';
import { namesOf, type CountryInfo } from './countries';

export interface Sentence {
  text: string;
  start: number;
}

export interface ActorSuggestion {
  country: CountryInfo;
  /** The words of the article that name it. */
  words: string[];
  /** Indexes of the sentences that name it. */
  sentences: number[];
}

export interface RelationSuggestion {
  from: string;
  to: string;
  type: v.InferOutput<typeof RelationType>;
  status: v.InferOutput<typeof RelationStatus>;
  label: string;
  sentence: number;
}

export interface Suggestions {
  sentences: Sentence[];
  actors: ActorSuggestion[];
  relations: RelationSuggestion[];
}

/** The article's sentences, each exactly as written (trimmed of the space around it). */
export function sentencesOf(article: string): Sentence[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(article)) {
    const lead = segment.length - segment.trimStart().length;
    const text = segment.trim();
    if (text) out.push({ text, start: index + lead });
  }
  return out;
}

/** Words in a sentence that say what kind of relation it is, first match wins. */
const TYPES: [RegExp, RelationSuggestion['type'], string][] = [
  [/\b(war|invasion|invaded|attack)/i, 'war', 'war'],
  [/\bsanction/i, 'sanctions', 'sanctions'],
  [/\b(arms|munitions|missiles?|drones?|weapons|shells)\b/i, 'arms-transfer', 'arms transfers'],
  [
    /\b(mutual (defen[cs]e|assistance)|defen[cs]e pact|alliance|allied)/i,
    'mutual-defence',
    'alliance',
  ],
  [/\b(treaty|pact|partnership|agreement)/i, 'strategic-partnership', 'partnership'],
  [/\b(drills?|exercises?)\b/i, 'drills-tension', 'drills'],
  [/\b(condemn|criticis|criticiz|denounc)/i, 'criticism', 'criticism'],
  [/\b(support|aid|backing)\b/i, 'support', 'support'],
];
const STATUSES: [RegExp, RelationSuggestion['status']][] = [
  [/\bdenie[ds]|\bdeny/i, 'denied'],
  [/\b(alleged|allegedly|accused)/i, 'alleged'],
  [/\b(reportedly|reported|according to)/i, 'reported'],
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Suggestions for an article, from the countries the studio knows. */
export function suggestDraft(article: string, countries: readonly CountryInfo[]): Suggestions {
  const sentences = sentencesOf(article);
  const actors: ActorSuggestion[] = [];
  for (const country of countries) {
    const words = namesOf(country).filter((name) =>
      new RegExp(`\\b${escape(name)}\\b`).test(article),
    );
    if (words.length === 0) continue;
    const pattern = new RegExp(`\\b(${words.map(escape).join('|')})\\b`);
    const found = sentences.flatMap((s, i) => (pattern.test(s.text) ? [i] : []));
    actors.push({ country, words, sentences: found });
  }
  actors.sort((a, b) => b.sentences.length - a.sentences.length);

  const relations: RelationSuggestion[] = [];
  const seen = new Set<string>();
  sentences.forEach((sentence, i) => {
    const named = actors.filter((a) => a.sentences.includes(i));
    for (let x = 0; x < named.length; x++) {
      for (let y = x + 1; y < named.length; y++) {
        const [from, to] = [named[x]!.country.id, named[y]!.country.id];
        const key = [from, to].sort().join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        const [, type, label] = TYPES.find(([re]) => re.test(sentence.text)) ?? [
          null,
          'alignment',
          'alignment',
        ];
        const status = STATUSES.find(([re]) => re.test(sentence.text))?.[1] ?? 'in-force';
        relations.push({ from, to, type, status, label, sentence: i });
      }
    }
  });
  return { sentences, actors, relations };
}
