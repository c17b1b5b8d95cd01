/**
 * The studio's markup, rendered with `svelte/server`: every field is labelled and carries the
 * path a problem's link focuses, a field at fault is marked invalid, and every problem is a
 * link-like button naming the item and field.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { newDoc, setIn } from '../../src/lib/studio/draft';
import { Session, sessionContext } from '../../src/lib/studio/session.svelte';
import Field from '../../src/lib/studio/Field.svelte';
import ProblemList from '../../src/lib/studio/ProblemList.svelte';
import PeriodsField from '../../src/lib/studio/PeriodsField.svelte';
import Suggestions from '../../src/lib/studio/Suggestions.svelte';
import { articleMarks } from '../../src/lib/studio/article';
import { closeColours, deltaE } from '../../src/lib/studio/colour';
import { RELATION_TYPES, STATUSES } from '../../src/lib/studio/labels';
import { RelationStatus, RelationType } from '../../src/lib/core/story/schema';

const sessions: Session[] = [];
function sessionFor(doc = newDoc('Finland joined NATO. Russia objected.', 'Test')) {
  const session = new Session({ id: 't', doc, revision: 1, saved: 0 });
  sessions.push(session);
  return session;
}
afterAll(() => sessions.forEach((s) => s.close()));

describe('a field', () => {
  it('is labelled and carries its path', () => {
    const session = sessionFor();
    const { body } = render(Field, {
      props: { path: ['story', 'title'], label: 'Title' },
      context: sessionContext(session),
    });
    expect(body).toContain('<label for="f-story-title">Title</label>');
    expect(body).toMatch(/<input id="f-story-title" data-field="story.title"[^>]*value="Test"/);
    expect(body).not.toContain('aria-invalid');
  });

  it('is marked invalid when a problem names it', () => {
    const session = sessionFor(setIn(newDoc('Text.', 'T'), ['story', 'asOf'], '24-1-1'));
    const { body } = render(Field, {
      props: { path: ['story', 'asOf'], label: 'Date' },
      context: sessionContext(session),
    });
    expect(body).toContain('aria-invalid="true"');
  });
});

describe('the periods editor', () => {
  const doc = setIn(
    newDoc('Text.', 'T'),
    ['story', 'relations'],
    [
      {
        id: 'r',
        periods: [
          { from: '2022-05', status: 'in-force' },
          { from: '2024', to: '2024-06-19', status: 'signed' },
        ],
      },
    ],
  );
  const body = () =>
    render(PeriodsField, {
      props: {
        path: ['story', 'relations', 0, 'periods'],
        title: 'Status over time',
        hint: 'Dates as precise as the source.',
        choice: { key: 'status', label: 'Status', options: STATUSES },
        noun: 'period',
        onAdd: () => {},
        fromRequired: true,
      },
      context: sessionContext(sessionFor(doc)),
    }).body;

  it('gives each period its choice, its dates and a named Remove button', () => {
    expect(body()).toContain('data-field="story.relations.0.periods"');
    expect(body()).toContain('<label for="f-story-relations-0-periods-1-status">Status</label>');
    expect(body()).toContain('aria-label="Remove period 2"');
    expect(body()).toContain('>Add a period</button>');
  });

  it.each([
    ['f-story-relations-0-periods-0-from-hint', 'Known to the month.'],
    ['f-story-relations-0-periods-1-from-hint', 'Known to the year.'],
    ['f-story-relations-0-periods-1-to-hint', 'Known to the day.'],
  ])('says how precisely each date is known (%s)', (id, text) => {
    expect(body()).toContain(`id="${id}">${text}</p>`);
  });
});

describe('the problem list', () => {
  it('names each problem’s item and field, as a button', () => {
    const session = sessionFor();
    const { body } = render(ProblemList, {
      props: { onJump: () => {} },
      context: sessionContext(session),
    });
    expect(body).toContain('data-problems="1"');
    // The story's own field, as the studio names it; the validator's path is its title.
    expect(body).toMatch(
      /<button[^>]*title="actors"[^>]*>Story → actors<\/button>: a story needs at least one actor/,
    );
  });
});

describe('the article, marked', () => {
  it('keeps the text whole and marks names and passages', () => {
    let doc = newDoc('Finland joined NATO. Finnish troops. Russia objected.', 'T');
    doc = setIn(doc, ['story', 'actors'], [{ id: 'FIN', name: 'Finland', aliases: ['Finnish'] }]);
    doc = setIn(doc, ['story', 'passages'], [{ id: 'p1', quote: 'Russia objected.' }]);
    const segments = articleMarks(doc, new Set(['p1']));
    expect(segments.map((s) => s.text).join('')).toBe(doc.article);
    expect(segments.filter((s) => s.mention).map((s) => s.text)).toEqual(['Finland', 'Finnish']);
    expect(segments.filter((s) => s.own).map((s) => s.text)).toEqual(['Russia objected.']);
  });
});

describe('colours', () => {
  it.each([
    ['#000000', '#ffffff', 100],
    ['#1f6fb2', '#1f6fb2', 0],
  ])('ΔE between %s and %s is about %d', (a, b, e) => expect(deltaE(a, b)).toBeCloseTo(e, 0));

  it('warns of roles that look alike, and of a role like a relation', () => {
    const roles = [
      { label: 'A', color: '#1f6fb2' },
      { label: 'B', color: '#2170b0' },
      { label: 'C', color: '#a50f16' },
    ];
    expect(closeColours(roles, [{ label: 'treaty', color: '#a50f15' }])).toEqual([
      ['A', 'B'],
      ['C', 'treaty'],
    ]);
  });
});

describe('menus', () => {
  it('offer every type and status the schema allows', () => {
    expect(RELATION_TYPES.map(([id]) => id)).toEqual(RelationType.options);
    expect(STATUSES.map(([id]) => id)).toEqual(RelationStatus.options);
  });
});

describe('the suggestions', () => {
  it('mark a relation the article gives no date for, for the editor to set', () => {
    const doc = newDoc(
      'Pact\n\nRussia and North Korea signed a partnership. On 19 June 2024 they met.',
    );
    const { body } = render(Suggestions, { context: sessionContext(sessionFor(doc)) });
    expect(body).toMatch(
      /Russia – North Korea: partnership<\/strong>(\s|<!--[^>]*-->)*<span class="undated[^"]*">no date in the article: set it/,
    );
  });

  it('offer a group with all its members or with only those the story has', () => {
    const doc = newDoc('Enlargement\n\nFinland joined NATO on 4 April 2023.');
    const { body } = render(Suggestions, { context: sessionContext(sessionFor(doc)) });
    expect(body).toMatch(/aria-label="Add NATO with \d+ more"/);
    expect(body).toContain('aria-label="Add NATO with only the members in the story"');
  });
});
