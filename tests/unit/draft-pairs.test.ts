/**
 * Which relations the draft generator proposes from a sentence, and between whom: a hostile or
 * one-way signal ("invasion", "sanctions", "supplied") only between the names around it, a
 * friendly one between every two actors named; and, over the shipped articles, the suggestions
 * that must be there and the wrong pairs that must not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposals, type Mention } from '../../src/lib/core/draft/pairs';
import { articleDate } from '../../src/lib/core/draft/dates';
import { draft } from '../../src/lib/core/draft/generate';
import { countryTable } from '../../scripts/story/lexicon';

/** Mentions of `names` ([id, text]) in `sentence`, in its order. */
function mentionsIn(sentence: string, names: [string, string][]): Mention[] {
  const found: Mention[] = [];
  for (const [id, text] of names)
    for (const m of sentence.matchAll(new RegExp(text, 'g')))
      found.push({ id, at: m.index, end: m.index + m[0].length });
  return found.sort((a, b) => a.at - b.at);
}

const show = (text: string, names: [string, string][]) =>
  proposals(text, mentionsIn(text, names)).flatMap((p) =>
    p.pairs.map(([a, b]) => `${a} ${p.type} ${b}`),
  );

describe('proposals from one sentence', () => {
  it.each([
    {
      sentence:
        "Finland and Sweden applied to join NATO together in May 2022, after Russia's full-scale invasion of Ukraine ended their long-standing military non-alignment.",
      names: [
        ['FIN', 'Finland'],
        ['SWE', 'Sweden'],
        ['NATO', 'NATO'],
        ['RUS', 'Russia'],
        ['UKR', 'Ukraine'],
      ],
      want: ['RUS war UKR'],
    },
    {
      sentence: 'Putin’s gratitude for North Korea’s support during the Russia-Ukraine conflict.',
      names: [
        ['PRK', 'North Korea'],
        ['RUS', 'Russia'],
        ['UKR', 'Ukraine'],
      ],
      want: ['RUS war UKR'],
    },
    {
      sentence: 'Moscow’s earlier alignment with Iran to acquire drones for use in Ukraine.',
      names: [
        ['RUS', 'Moscow'],
        ['IRN', 'Iran'],
        ['UKR', 'Ukraine'],
      ],
      want: ['RUS arms-transfer IRN'],
    },
    {
      sentence: 'Russia faces sanctions from the U.S. and its allies due to the Ukraine war.',
      names: [
        ['RUS', 'Russia'],
        ['USA', 'U\\.S\\.'],
        ['UKR', 'Ukraine'],
      ],
      // The passive's agent acts: the U.S. sanctions Russia (an earlier generator had it backwards).
      want: ['USA sanctions RUS'],
    },
    {
      sentence:
        'North Korea remains under stringent United Nations Security Council sanctions for its nuclear and missile programs, while Russia faces economic sanctions from the U.S. and its allies due to the Ukraine war.',
      names: [
        ['PRK', 'North Korea'],
        ['UNSC', 'United Nations Security Council'],
        ['RUS', 'Russia'],
        ['USA', 'U\\.S\\.'],
        ['UKR', 'Ukraine'],
      ],
      // Not "UNSC arms-transfer RUS" (its missile programs, then the next clause's Russia).
      want: ['UNSC sanctions PRK', 'USA sanctions RUS'],
    },
    {
      sentence:
        'North Korea’s frequent weapons tests and the enhanced military drills of the U.S., South Korea, and Japan have already inflamed the region.',
      names: [
        ['PRK', 'North Korea'],
        ['USA', 'U\\.S\\.'],
        ['KOR', 'South Korea'],
        ['JPN', 'Japan'],
      ],
      // Drills and tension among them all, but no arms sent from North Korea to the three.
      want: [
        'PRK drills-tension USA',
        'PRK drills-tension KOR',
        'PRK drills-tension JPN',
        'USA drills-tension KOR',
        'USA drills-tension JPN',
        'KOR drills-tension JPN',
      ],
    },
    {
      sentence:
        'The U.S. has accused Pyongyang of supplying artillery, missiles, and other military equipment to Moscow.',
      names: [
        ['USA', 'U\\.S\\.'],
        ['PRK', 'Pyongyang'],
        ['RUS', 'Moscow'],
      ],
      want: ['PRK arms-transfer RUS', 'USA criticism PRK'],
    },
    {
      sentence: 'Paris recalled its ambassadors from Canberra and Washington.',
      names: [
        ['FRA', 'Paris'],
        ['AUS', 'Canberra'],
        ['USA', 'Washington'],
      ],
      want: ['FRA criticism AUS', 'FRA criticism USA'],
    },
    {
      sentence: 'Mali, Burkina Faso and Niger signed a mutual defence pact on 16 September 2023.',
      names: [
        ['MLI', 'Mali'],
        ['BFA', 'Burkina Faso'],
        ['NER', 'Niger'],
      ],
      want: ['MLI mutual-defence BFA', 'MLI mutual-defence NER', 'BFA mutual-defence NER'],
    },
    {
      sentence:
        'Japan and the Philippines sign a defence pact as China presses in the South China Sea',
      names: [
        ['JPN', 'Japan'],
        ['PHL', 'Philippines'],
        ['CHN', 'China'],
      ],
      // China is the subject of the clause the sentence turns to, not a party to the pact.
      want: ['JPN mutual-defence PHL'],
    },
    {
      sentence: 'Japan and the Philippines signed a defence pact amid tension with China.',
      names: [
        ['JPN', 'Japan'],
        ['PHL', 'Philippines'],
        ['CHN', 'China'],
      ],
      want: ['JPN mutual-defence PHL'],
    },
    {
      sentence:
        'As China—the world’s second-largest economy—aligns with Russia, North Korea, and Iran, the balance of power could shift.',
      names: [
        ['CHN', 'China'],
        ['RUS', 'Russia'],
        ['PRK', 'North Korea'],
        ['IRN', 'Iran'],
      ],
      // Dashes set off an aside: China, before them, aligns with the three after.
      want: [
        'CHN alignment RUS',
        'CHN alignment PRK',
        'CHN alignment IRN',
        'RUS alignment PRK',
        'RUS alignment IRN',
        'PRK alignment IRN',
      ],
    },
    {
      sentence: 'Japan and the Philippines signed a defence pact as tensions with China rise.',
      names: [
        ['JPN', 'Japan'],
        ['PHL', 'Philippines'],
        ['CHN', 'China'],
      ],
      want: ['JPN mutual-defence PHL'],
    },
    {
      sentence: 'Japan and the Philippines signed a defence pact as the U.S. looks on.',
      names: [
        ['JPN', 'Japan'],
        ['PHL', 'Philippines'],
        ['USA', 'U\\.S\\.'],
      ],
      want: ['JPN mutual-defence PHL'],
    },
    {
      sentence: 'Japan signed a defence pact not only with Australia but also with India.',
      names: [
        ['JPN', 'Japan'],
        ['AUS', 'Australia'],
        ['IND', 'India'],
      ],
      want: ['JPN mutual-defence AUS', 'JPN mutual-defence IND', 'AUS mutual-defence IND'],
    },
    {
      sentence: 'Japan signed a defence pact with Australia as part of a deal with India.',
      names: [
        ['JPN', 'Japan'],
        ['AUS', 'Australia'],
        ['IND', 'India'],
      ],
      want: ['JPN mutual-defence AUS', 'JPN mutual-defence IND', 'AUS mutual-defence IND'],
    },
    {
      sentence: 'Australia and the U.S., as well  as Japan, signed a defence pact.',
      names: [
        ['AUS', 'Australia'],
        ['USA', 'U\\.S\\.'],
        ['JPN', 'Japan'],
      ],
      // Two spaces in "as well  as" are still a list.
      want: ['AUS mutual-defence USA', 'AUS mutual-defence JPN', 'USA mutual-defence JPN'],
    },
    {
      sentence: 'Australia and the U.S., as well as Japan, signed a defence pact.',
      names: [
        ['AUS', 'Australia'],
        ['USA', 'U\\.S\\.'],
        ['JPN', 'Japan'],
      ],
      // A list, not a turn: every one of them a party.
      want: ['AUS mutual-defence USA', 'AUS mutual-defence JPN', 'USA mutual-defence JPN'],
    },
    {
      sentence:
        'The United States and the United Kingdom announced their own sanctions in June 2024, while Turkey has kept trading with Moscow.',
      names: [
        ['USA', 'United States'],
        ['GBR', 'United Kingdom'],
        ['TUR', 'Turkey'],
        ['RUS', 'Moscow'],
      ],
      // Sanctioning together, on a side the sentence does not name: not on each other.
      want: [],
    },
    {
      sentence: 'The US and the UK sanctioned Russia.',
      names: [
        ['USA', 'US'],
        ['GBR', 'UK'],
        ['RUS', 'Russia'],
      ],
      want: ['USA sanctions RUS', 'GBR sanctions RUS'],
    },
    {
      sentence: 'The US-China sanctions row deepened.',
      names: [
        ['USA', 'US'],
        ['CHN', 'China'],
      ],
      // A compound names the two sides.
      want: ['USA sanctions CHN'],
    },
    {
      sentence: 'With Finland inside the alliance, the border with Russia more than doubled.',
      names: [
        ['FIN', 'Finland'],
        ['RUS', 'Russia'],
      ],
      want: [],
    },
    {
      sentence:
        'Russian President Vladimir Putin’s historic visit to North Korea and his meeting with Supreme Leader Kim Jong Un has heightened international concerns.',
      names: [
        ['RUS', 'Russian'],
        ['PRK', 'North Korea'],
      ],
      want: [],
    },
    {
      sentence: 'Russia said it would take countermeasures against Finland.',
      names: [
        ['RUS', 'Russia'],
        ['FIN', 'Finland'],
      ],
      want: [],
    },
  ] as { sentence: string; names: [string, string][]; want: string[] }[])(
    '$sentence → $want',
    ({ sentence, names, want }) => {
      expect(show(sentence, names)).toEqual(want);
    },
  );
});

const TODAY = new Date('2024-06-30T00:00:00Z');
const countries = countryTable();
const draftOf = (file: string) =>
  draft(readFileSync(file, 'utf8'), { file, countries, today: TODAY });
const typed = (file: string) =>
  (draftOf(file).story['relations'] as Record<string, unknown>[]).map(
    (r) =>
      [...((r['sides'] as string[] | undefined) ?? [r['from'], r['to']])].sort().join('-') +
      ` ${r['type']}`,
  );

describe.each([
  {
    file: 'tests/fixtures/nordic-baltic.txt',
    has: ['RUS-UKR war', 'EST-LTU-LVA support'],
    // The old generator typed every pair of the first sentence "war" (its "invasion"), and
    // "the alliance" (NATO, named again) made Finland and Russia aligned.
    not: ['FIN-SWE war', 'FIN-RUS war', 'NATO-SWE war', 'FIN-RUS alignment', 'NATO-RUS alignment'],
  },
  {
    file: 'static/stories/russia-north-korea-2024.txt',
    has: [
      'PRK-RUS arms-transfer',
      'RUS-UKR war',
      'RUS-USA sanctions',
      'PRK-USA criticism',
      'NATO-RUS criticism',
      'PRK-SUN mutual-defence',
      'PRK-RUS strategic-partnership',
      'IRN-RUS arms-transfer',
    ],
    not: [
      'NATO-USA war',
      'PRK-UKR war',
      'USA-UKR war',
      'JPN-KOR arms-transfer',
      'PRK-USA arms-transfer',
      'RUS-UNSC arms-transfer',
    ],
  },
  {
    file: 'static/stories/aukus-2021.txt',
    has: ['AUS-GBR-USA strategic-partnership', 'AUS-FRA criticism', 'FRA-USA criticism'],
    // Not from the headline ("the submarine pact that angered Paris"): AUKUS sent France no arms.
    not: ['AUKUS-GBR arms-transfer', 'AUS-USA criticism', 'AUKUS-FRA arms-transfer'],
  },
  {
    file: 'static/stories/sahel-alliance-2023.txt',
    has: ['BFA-MLI-NER mutual-defence', 'ECOWAS-NER sanctions'],
    not: ['FRA-MLI criticism', 'MLI-NER criticism'],
  },
])('the draft of $file', ({ file, has, not }) => {
  it('proposes the relations the article states', () => {
    expect(typed(file)).toEqual(expect.arrayContaining(has));
  });
  it('does not propose the wrong pairs an earlier generator did', () => {
    expect(typed(file).filter((r) => not.includes(r))).toEqual([]);
  });
});

describe('dates the article does not give', () => {
  it.each([
    ['Headline\n\nPublished 19 June 2024\n\nBody text in May 2024.', '2024-06-19'],
    ['Headline\nBy a writer, 3 March 2023\n\nBody.', '2023-03-03'],
    [
      'Headline\n\nA long first paragraph that names 4 April 2023 in passing and goes on well past eighty characters.',
      undefined,
    ],
    ['Headline\n\nMay 2022: only a month.', undefined],
  ])('the article’s own date of %j is %s', (article, want) => {
    expect(articleDate(article)).toBe(want);
  });

  it('leaves a relation with no date before it undated, for the editor to set', () => {
    const text =
      'Pact\n\nRussia and North Korea signed a partnership. Later, on 19 June 2024, they met.';
    const { story, undated } = draft(text, { file: 'pact.txt', countries, today: TODAY });
    const [relation] = story['relations'] as { id: string; periods: object[] }[];
    expect(relation!.periods).toEqual([{ status: 'in-force' }]);
    expect(undated).toEqual([relation!.id]);
  });

  it('proposes nothing from the headline, which is the title and not a passage', () => {
    const text = 'Russia and Iran sign a partnership on 19 June 2024\n\nThe talks went well.';
    const { story } = draft(text, { file: 'pact.txt', countries, today: TODAY });
    expect(story['relations']).toEqual([]);
    expect(story['events']).toEqual([]);
  });

  it('gives it the article’s own date when it has one', () => {
    const text = 'Pact\n19 June 2024\n\nRussia and North Korea signed a partnership.';
    const { story, undated } = draft(text, { file: 'pact.txt', countries, today: TODAY });
    const [relation] = story['relations'] as { periods: object[] }[];
    expect(relation!.periods).toEqual([{ from: '2024-06-19', status: 'in-force' }]);
    expect(undated).toEqual([]);
  });
});

describe('names that are not the country', () => {
  it.each([
    ['Ships clashed in the South China Sea.', []],
    ['Patrols in the East China Sea and the Sea of Japan went on.', []],
    ['The Indian Ocean and the Taiwan Strait are busy.', []],
    ['China and Japan met; Beijing sent ships to the South China Sea.', ['CHN', 'JPN']],
    ['Chinese and Japanese ships met near Japan.', ['CHN', 'JPN']],
  ])('“%s” names %j', (sentence, ids) => {
    const { mentions } = draft(`Headline\n\n${sentence}`, {
      file: 'seas.txt',
      countries,
      today: TODAY,
    });
    expect([...mentions.keys()].sort()).toEqual(ids);
  });
});
