/**
 * Highlighting names in passages, and marking a quoted passage in the article, without
 * changing a single character of the article's own words.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import {
  articleWithPassage,
  highlightRuns,
  runsHtml,
  type Run,
} from '../../src/lib/panel/highlight';

const root = fileURLToPath(new URL('../..', import.meta.url));
const article = fs.readFileSync(
  path.join(root, 'static/stories/russia-north-korea-2024.txt'),
  'utf8',
);
const story = JSON.parse(
  fs.readFileSync(path.join(root, 'static/stories/russia-north-korea-2024.json'), 'utf8'),
) as {
  passages: { id: string; quote: string }[];
};

function joined(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

function marked(runs: readonly Run[]): string[] {
  return runs.filter((r) => r.mark).map((r) => r.text);
}

describe('highlightRuns', () => {
  it.each<{ name: string; text: string; terms: string[]; marks: string[] }>([
    {
      name: 'one name',
      text: 'Russia signed.',
      terms: ['Russia'],
      marks: ['Russia'],
    },
    {
      name: 'a name before a curly apostrophe',
      text: 'Putin’s visit to North Korea’s capital',
      terms: ['Putin', 'North Korea'],
      marks: ['Putin', 'North Korea'],
    },
    {
      name: 'a name before a straight apostrophe',
      text: "Russia's war and NATO's border",
      terms: ['Russia', 'NATO'],
      marks: ['Russia', 'NATO'],
    },
    {
      name: 'an abbreviation with full stops',
      text: 'tensions for the U.S. and NATO. The U.S., too.',
      terms: ['U.S.', 'NATO'],
      marks: ['U.S.', 'NATO', 'U.S.'],
    },
    {
      name: 'overlapping terms, longest first whatever their order',
      text: 'Kim Jong Un met Putin; Kim smiled.',
      terms: ['Kim', 'Kim Jong Un', 'Putin'],
      marks: ['Kim Jong Un', 'Putin', 'Kim'],
    },
    {
      name: 'no match inside a longer word',
      text: 'Russian President and Russians, but Russia too.',
      terms: ['Russia'],
      marks: ['Russia'],
    },
    {
      name: 'a sea or strait named after a country',
      text: 'China sent ships to the South China Sea, the Sea of Japan and the Taiwan Strait.',
      terms: ['China', 'Japan', 'Taiwan'],
      marks: ['China'],
    },
    {
      name: 'the seas of two countries, in the plural',
      text: 'the East and South China Seas, and the south China sea',
      terms: ['China'],
      marks: [],
    },
    {
      name: 'a name ending a line before one that starts with "Gulf"',
      text: 'Talks with Saudi Arabia\nGulf states watched.',
      terms: ['Saudi Arabia'],
      marks: ['Saudi Arabia'],
    },
    {
      name: 'a name at the end of a sentence before one that starts with "Sea"',
      text: 'They met in Japan. Sea lanes stayed open.',
      terms: ['Japan'],
      marks: ['Japan'],
    },
    {
      name: 'a name joined by a hyphen',
      text: 'the Russia-Ukraine conflict',
      terms: ['Russia', 'Ukraine'],
      marks: ['Russia', 'Ukraine'],
    },
    {
      name: 'a name next to an em dash',
      text: 'As China—the world’s second-largest economy—aligns',
      terms: ['China'],
      marks: ['China'],
    },
    {
      name: 'case-sensitive matching',
      text: 'russia and RUSSIA are not Russia',
      terms: ['Russia'],
      marks: ['Russia'],
    },
    {
      name: 'a term that is not there',
      text: 'Nothing to see here.',
      terms: ['Iran'],
      marks: [],
    },
    {
      name: 'no terms at all',
      text: 'Nothing to mark.',
      terms: [],
      marks: [],
    },
    {
      name: 'blank terms, which are ignored',
      text: 'Spaces   everywhere.',
      terms: ['', ' ', '\t'],
      marks: [],
    },
    {
      name: 'terms with regular-expression characters',
      text: 'a (b) c+ and a.b',
      terms: ['(b)', 'c+', 'a.b'],
      marks: ['(b)', 'c+', 'a.b'],
    },
    {
      name: 'a dot in a term that must not match any character',
      text: 'aXb',
      terms: ['a.b'],
      marks: [],
    },
    {
      name: 'a name at both ends of the text',
      text: 'Iran and Iran',
      terms: ['Iran'],
      marks: ['Iran', 'Iran'],
    },
    {
      name: 'duplicated terms',
      text: 'Moscow, Moscow',
      terms: ['Moscow', 'Moscow'],
      marks: ['Moscow', 'Moscow'],
    },
    {
      name: 'a name followed by digits, which is not a whole word',
      text: 'G7 and G20 but G',
      terms: ['G'],
      marks: ['G'],
    },
    {
      name: 'an empty text',
      text: '',
      terms: ['Russia'],
      marks: [],
    },
  ])(
    'marks $marks in a text with $name, and the runs join back to the text',
    ({ text, terms, marks }) => {
      const runs = highlightRuns(text, terms);
      expect(joined(runs)).toBe(text);
      expect(marked(runs)).toEqual(marks);
    },
  );

  it('never leaves an empty run or two plain runs side by side', () => {
    const runs = highlightRuns('Kim Jong Un and Kim; Putin.', ['Kim', 'Kim Jong Un', 'Putin']);
    expect(runs.every((r) => r.text.length > 0)).toBe(true);
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i - 1]?.mark === false && runs[i]?.mark === false).toBe(false);
    }
    expect(runs).toEqual([
      { text: 'Kim Jong Un', mark: true },
      { text: ' and ', mark: false },
      { text: 'Kim', mark: true },
      { text: '; ', mark: false },
      { text: 'Putin', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('gives one plain run for a text with nothing to mark', () => {
    expect(highlightRuns('Nothing here.', ['Iran'])).toEqual([
      { text: 'Nothing here.', mark: false },
    ]);
  });

  it.each(story.passages.map((p) => [p.id, p.quote] as const))(
    'leaves the passage %s unchanged character for character when Russia’s and North Korea’s names are marked',
    (_id, quote) => {
      const terms = [
        'Russia',
        'Russian',
        'Moscow',
        'Putin',
        'Vladimir Putin',
        'North Korea',
        'North Korean',
        'Pyongyang',
        'Kim Jong Un',
        'Kim',
        'U.S.',
      ];
      const runs = highlightRuns(quote, terms);
      expect(joined(runs)).toBe(quote);
      for (const run of marked(runs)) expect(terms).toContain(run);
    },
  );
});

describe('articleWithPassage', () => {
  it.each(story.passages.map((p) => [p.id, p.quote] as const))(
    'marks exactly the quote of %s in exactly one paragraph',
    (_id, quote) => {
      const paragraphs = articleWithPassage(article, quote);
      const withPassage = paragraphs.filter((p) => p.hasPassage);
      expect(withPassage).toHaveLength(1);
      const marks = withPassage.flatMap((p) => marked(p.runs));
      expect(marks).toEqual([quote]);
      expect(
        paragraphs.filter((p) => !p.hasPassage).every((p) => marked(p.runs).length === 0),
      ).toBe(true);
    },
  );

  it('keeps every paragraph’s words when a passage is marked', () => {
    const quote = story.passages[3]?.quote ?? '';
    const expected = article.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
    expect(articleWithPassage(article, quote).map((p) => joined(p.runs))).toEqual(expected);
  });

  it('splits the article into its non-empty paragraphs and marks nothing without a quote', () => {
    const text = 'Title\n\nFirst paragraph.\n\n\n\nSecond paragraph.\n  \nThird.\n';
    const paragraphs = articleWithPassage(text, null);
    expect(paragraphs).toEqual([
      { runs: [{ text: 'Title', mark: false }], hasPassage: false },
      { runs: [{ text: 'First paragraph.', mark: false }], hasPassage: false },
      { runs: [{ text: 'Second paragraph.', mark: false }], hasPassage: false },
      { runs: [{ text: 'Third.\n', mark: false }], hasPassage: false },
    ]);
  });

  it.each([
    {
      name: 'in the middle',
      quote: 'middle bit',
      runs: [
        { text: 'A ', mark: false },
        { text: 'middle bit', mark: true },
        { text: ' here.', mark: false },
      ],
    },
    {
      name: 'at the start',
      quote: 'A middle',
      runs: [
        { text: 'A middle', mark: true },
        { text: ' bit here.', mark: false },
      ],
    },
    {
      name: 'at the end',
      quote: 'bit here.',
      runs: [
        { text: 'A middle ', mark: false },
        { text: 'bit here.', mark: true },
      ],
    },
    {
      name: 'as the whole paragraph',
      quote: 'A middle bit here.',
      runs: [{ text: 'A middle bit here.', mark: true }],
    },
  ])('cuts the paragraph around a quote $name', ({ quote, runs }) => {
    const paragraphs = articleWithPassage('Heading\n\nA middle bit here.', quote);
    expect(paragraphs[0]).toEqual({ runs: [{ text: 'Heading', mark: false }], hasPassage: false });
    expect(paragraphs[1]).toEqual({ runs, hasPassage: true });
  });

  it('marks nothing when the quote is not in the article', () => {
    const paragraphs = articleWithPassage(article, 'A sentence the author never wrote.');
    expect(paragraphs.some((p) => p.hasPassage)).toBe(false);
    expect(paragraphs.length).toBeGreaterThan(5);
  });
});

describe('highlightRuns with the same and different terms in turn', () => {
  it('marks each call’s own terms, whatever was marked before', () => {
    const text = 'Russia and China met North Korea.';
    const marks = (terms: string[]) =>
      highlightRuns(text, terms)
        .filter((r) => r.mark)
        .map((r) => r.text);
    for (let round = 0; round < 3; round++) {
      expect(marks(['Russia'])).toEqual(['Russia']);
      expect(marks(['China', 'North Korea'])).toEqual(['China', 'North Korea']);
      expect(marks([])).toEqual([]);
    }
    // More term sets than the cache keeps, then the first again.
    for (let i = 0; i < 20; i++) expect(marks([`term${i}`])).toEqual([]);
    expect(marks(['Russia'])).toEqual(['Russia']);
  });

  it('does not take two terms for one when they would join with a separator', () => {
    expect(highlightRuns('ab', ['a', 'b']).filter((r) => r.mark)).toEqual([]);
    expect(
      highlightRuns('a b', ['a', 'b'])
        .filter((r) => r.mark)
        .map((r) => r.text),
    ).toEqual(['a', 'b']);
  });
});

describe('runsHtml', () => {
  /** The HTML as a browser reads it: the text and the marked words. */
  function read(html: string): { text: string; marks: string[] } {
    const document = new Window().document as unknown as Document;
    const quote = document.createElement('blockquote');
    quote.innerHTML = html;
    return {
      text: quote.textContent ?? '',
      marks: [...quote.children].map((e) => `${e.tagName.toLowerCase()}:${e.textContent}`),
    };
  }

  it.each<{ name: string; runs: Run[]; html: string }>([
    { name: 'plain text', runs: [{ text: 'Russia signed.', mark: false }], html: 'Russia signed.' },
    {
      name: 'a marked name',
      runs: [
        { text: 'Putin', mark: true },
        { text: '’s visit', mark: false },
      ],
      html: '<mark>Putin</mark>’s visit',
    },
    {
      name: 'markup in the words, as text',
      runs: [
        { text: '<b>A & B</b>', mark: true },
        { text: ' <script>x</script> &amp;', mark: false },
      ],
      html: '<mark>&lt;b&gt;A &amp; B&lt;/b&gt;</mark> &lt;script&gt;x&lt;/script&gt; &amp;amp;',
    },
    { name: 'quotes, left as they are', runs: [{ text: `"a" 'b'`, mark: false }], html: `"a" 'b'` },
  ])('gives $name', ({ runs, html }) => {
    expect(runsHtml(runs)).toBe(html);
  });

  it('reads back as every passage of the story, word for word, its mentions and nothing else marked', () => {
    const terms = ['Russia', 'North Korea', 'Putin', 'Kim'];
    for (const passage of story.passages) {
      const runs = highlightRuns(passage.quote, terms);
      const { text, marks } = read(runsHtml(runs));
      expect(text).toBe(passage.quote);
      expect(marks).toEqual(runs.filter((r) => r.mark).map((r) => `mark:${r.text}`));
    }
  });

  it('reads back as text whatever characters the words hold', () => {
    const words = '<img src=x onerror=alert(1)> & &lt; </mark><mark>';
    const { text, marks } = read(runsHtml([{ text: words, mark: true }]));
    expect(marks).toEqual([`mark:${words}`]);
    expect(text).toBe(words);
  });
});
