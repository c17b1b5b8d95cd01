/**
 * The markup the components give a reader, rendered on the server with `svelte/server` and
 * checked against the public contract (docs/CONTRACT.md, "Markup"): passages are `<blockquote>`s
 * holding the article's own words, `<mark>` never changes the text, timeline entries carry
 * `<time datetime>`, errors are in `role="alert"` naming item and field, and the reading panel is
 * labelled by its heading.
 *
 * Vitest runs this file through Vite's SSR transform with the svelte plugin from vite.config.ts
 * (environment `node`), so the `.svelte` imports compile for the server with no extra setup.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { Window } from 'happy-dom';
import { parseStory, type StoryError } from '../../src/lib/core/story/validate';
import {
  eventsFor,
  indexStory,
  type StoryIndex,
  type Target,
} from '../../src/lib/core/story/model';
import { mentionsFor } from '../../src/lib/core/story/reading';
import { mustParseDate, parseDay } from '../../src/lib/core/story/dates';
import type { Passage, Span, StoryEvent } from '../../src/lib/core/story/schema';
import { AppState, appContext } from '../../src/lib/state/app.svelte';
import { DEFAULT_STORY } from '../../src/lib/state/route';
import { sceneAt } from '../../src/lib/core/map/scene';
import { roleAt } from '../../src/lib/core/story/asof';
import { TYPE_STYLE } from '../../src/lib/core/style/relationStyle';
import PassageQuote from '../../src/lib/panel/PassageQuote.svelte';
import NoteBox from '../../src/lib/panel/NoteBox.svelte';
import EventList from '../../src/lib/panel/EventList.svelte';
import ReadingPanel from '../../src/lib/panel/ReadingPanel.svelte';
import Legend from '../../src/lib/map/Legend.svelte';
import StoryErrors from '../../src/lib/app/StoryErrors.svelte';
import ArticleCredit from '../../src/lib/app/ArticleCredit.svelte';
import EventStrip from '../../src/lib/timeline/EventStrip.svelte';

// ---------------------------------------------------------------------------------------------
// The story, as the app loads it.

const json: unknown = JSON.parse(
  readFileSync('static/stories/russia-north-korea-2024.json', 'utf8'),
);
const article = readFileSync('static/stories/russia-north-korea-2024.txt', 'utf8');
const result = parseStory(json, article);
if (!result.ok) throw new Error(JSON.stringify(result.errors));
const index: StoryIndex = indexStory(result.story);

/** A fresh state per render, so one test's selection or date never leaks into another's. */
function stateAt(date: string | null = null): AppState {
  return new AppState(index, 'full', date === null ? null : parseDay(date));
}

function context(date: string | null = null): Map<symbol, AppState> {
  return appContext(stateAt(date));
}

function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`fixture missing: ${what}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Reading HTML with a real parser (happy-dom's), never with regular expressions.

const parser = new Window().document as unknown as Document;

/** Rendered HTML, or a part of it already parsed. */
type Html = string | Element;

/** The parsed markup: a fragment holding what `svelte/server` rendered. */
function dom(html: Html): ParentNode {
  if (typeof html !== 'string') return html;
  const template = parser.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** The text a reader gets: entities decoded, comments (hydration markers) left out. */
function textOf(html: Html | undefined): string {
  return html === undefined ? '' : ((dom(html) as Node).textContent ?? '');
}

/** Text with runs of whitespace collapsed, for labels that the template spreads over lines. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every element matching a CSS selector, in document order. */
function elements(html: Html, selector: string): Element[] {
  return [...dom(html).querySelectorAll(selector)];
}

/** The value of an element's attribute; undefined when it has none. */
function attr(element: Element | undefined, name: string): string | undefined {
  return element?.getAttribute(name) ?? undefined;
}

/** The `datetime` of every `<time>` in document order. */
function datetimes(html: Html): string[] {
  return elements(html, 'time[datetime]').map((time) => time.getAttribute('datetime') ?? '');
}

const DATETIME = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Table-driven tests named by full sentences (`it.each` quotes and truncates `$name`). */
function table<T>(rows: readonly T[], title: (row: T) => string, run: (row: T) => void): void {
  for (const row of rows) it(title(row), () => run(row));
}

describe('the text helpers used below', () => {
  table(
    [
      { html: '<p>Russia &amp; North Korea</p>', text: 'Russia & North Korea' },
      { html: '&lt;b&gt; &quot;x&quot; &#39;y&#39; &#x27;z&#x27;', text: "<b> \"x\" 'y' 'z'" },
      { html: 'a&#8212;b &#x2194;', text: 'a—b ↔' },
      { html: '<!--[--><mark class="m">Putin</mark><!--]-->’s visit', text: 'Putin’s visit' },
      { html: '&amp;lt;', text: '&lt;' },
    ],
    (c) => `reads ${c.html} as ${c.text}`,
    ({ html, text }) => {
      expect(textOf(html)).toBe(text);
    },
  );
});

// ---------------------------------------------------------------------------------------------

describe('PassageQuote', () => {
  const passage = need(index.passages.get('p-24-years'), 'passage p-24-years');
  const mentions = mentionsFor(index, { kind: 'relation', id: 'pact-2024' });

  function renderQuote(p: Passage, terms: string[]): string {
    return render(PassageQuote, {
      props: { passage: p, mentions: terms, notes: [], onShowInArticle: () => {} },
      context: context(),
    }).body;
  }

  it('renders a blockquote whose text is exactly the quote, in the article word for word', () => {
    const body = renderQuote(passage, mentions);
    const quotes = elements(body, 'blockquote');
    expect(quotes).toHaveLength(1);
    const text = textOf(quotes[0]);
    expect(text).toBe(passage.quote);
    expect(article).toContain(text);
    expect(attr(quotes[0], 'data-passage')).toBe(passage.id);
  });

  it('puts a <mark> around each mention and nothing else', () => {
    const body = renderQuote(passage, ['Putin', 'North Korea']);
    const marks = elements(body, 'mark').map((m) => textOf(m));
    const expected = [
      ...passage.quote.matchAll(/(?<![\p{L}\p{N}])(?:North Korea|Putin)(?![\p{L}\p{N}])/gu),
    ].map((m) => m[0]);
    expect(expected.length).toBeGreaterThan(0);
    expect(marks).toEqual(expected);
  });

  it('marks nothing when there are no mentions, and the text is still the quote', () => {
    const body = renderQuote(passage, []);
    expect(elements(body, 'mark')).toHaveLength(0);
    expect(textOf(elements(body, 'blockquote')[0])).toBe(passage.quote);
  });

  it('keeps the text exact when the quote holds characters HTML must escape', () => {
    const tricky: Passage = {
      id: 'p-tricky',
      quote: 'Kim & Putin said "<b>no</b>" — it’s Putin’s call.',
      notes: [],
    };
    const body = renderQuote(tricky, ['Putin']);
    expect(elements(body, 'b')).toHaveLength(0);
    expect(textOf(elements(body, 'blockquote')[0])).toBe(tricky.quote);
    expect(elements(body, 'mark').map((m) => textOf(m))).toEqual(['Putin', 'Putin']);
  });

  it('renders every passage of the story verbatim with the names of its actors marked', () => {
    for (const p of index.story.passages) {
      const text = textOf(
        elements(
          renderQuote(p, ['Russia', 'North Korea', 'Putin', 'Kim Jong Un']),
          'blockquote',
        )[0],
      );
      expect(text, p.id).toBe(p.quote);
      expect(article, p.id).toContain(text);
    }
  });

  it('has a "Show in article" button', () => {
    const buttons = elements(renderQuote(passage, mentions), 'button');
    expect(buttons.map((b) => squash(textOf(b)))).toContain('Show in article');
    expect(attr(buttons[0], 'type')).toBe('button');
  });

  it('shows the notes given to it beside the quote, outside the blockquote', () => {
    const note = need(index.notes.get('n-24-years'), 'note n-24-years');
    const body = render(PassageQuote, {
      props: { passage, mentions, notes: [note], onShowInArticle: () => {} },
      context: context(),
    }).body;
    expect(body).toContain(`data-note="${note.id}"`);
    expect(textOf(elements(body, 'blockquote')[0])).toBe(passage.quote);
  });
});

// ---------------------------------------------------------------------------------------------

describe('NoteBox', () => {
  table(
    index.story.notes,
    (n) => `renders note ${n.id} with role="note", its text and its source labels`,
    (note) => {
      const { body } = render(NoteBox, { props: { note }, context: context() });
      const open = elements(body, 'div')[0];
      expect(attr(open, 'role')).toBe('note');
      expect(attr(open, 'data-note')).toBe(note.id);
      const text = textOf(body);
      expect(text).toContain(note.text);
      for (const id of note.sources) {
        const label = need(index.sources.get(id), `source ${id}`).label;
        expect(text).toContain(label);
      }
    },
  );

  it('names the article by its label, not its id, when a note cites "article"', () => {
    const note = need(index.notes.get('n-containers'), 'note n-containers');
    const label = need(index.sources.get('article'), 'source article').label;
    const text = squash(textOf(render(NoteBox, { props: { note }, context: context() }).body));
    expect(note.sources).toContain('article');
    expect(text).toMatch(/Sources: .*; .*/);
    expect(text).toContain(label);
    expect(text).not.toMatch(/(Sources: |; )article(;|$)/);
  });

  it('falls back to the id for a source the story does not list, without throwing', () => {
    const note = { id: 'n-x', text: 'A note.', sources: ['no-such-source'] };
    const text = textOf(render(NoteBox, { props: { note }, context: context() }).body);
    expect(text).toContain('Sources: no-such-source');
  });
});

// ---------------------------------------------------------------------------------------------

describe('EventList', () => {
  function renderList(events: StoryEvent[], spans: Span[] = []): string {
    return render(EventList, { props: { events, spans }, context: context() }).body;
  }

  it('gives every event a <time datetime> matching its date (the earliest part of a range)', () => {
    const body = renderList(index.chronology);
    const values = datetimes(body);
    expect(values).toEqual(index.chronology.map((e) => e.date.text.split('/')[0]));
    for (const value of values) expect(value).toMatch(DATETIME);
  });

  it('writes the uncertain lapse of the 1961 treaty (1995/1996-09-10) as datetime="1995"', () => {
    const event = need(index.events.get('treaty-1961-lapses'), 'event treaty-1961-lapses');
    expect(datetimes(renderList([event]))).toEqual(['1995']);
  });

  it('writes a multi-day event by its first day and says both days', () => {
    const event = need(index.events.get('visit-2000'), 'event visit-2000');
    const body = renderList([event]);
    expect(datetimes(body)).toEqual(['2000-07-19']);
    expect(textOf(elements(body, 'time')[0])).toBe('19–20 July 2000');
  });

  table<{ name: string; date: string; datetime: string }>(
    [
      { name: 'a year', date: '1950', datetime: '1950' },
      { name: 'a month', date: '1991-12', datetime: '1991-12' },
      { name: 'a day', date: '2024-06-19', datetime: '2024-06-19' },
      { name: 'a range of years', date: '1995/1996', datetime: '1995' },
      { name: 'a range from a month to a day', date: '2023-09/2023-10-02', datetime: '2023-09' },
    ],
    (c) => `writes ${c.name} (${c.date}) as datetime="${c.datetime}"`,
    ({ date, datetime }) => {
      const event: StoryEvent = {
        id: 'e',
        date: mustParseDate(date),
        title: 'Something',
        sources: ['article'],
        actors: [],
        relations: [],
        passages: [],
        notes: [],
      };
      expect(datetimes(renderList([event]))).toEqual([datetime]);
    },
  );

  it('lists the events in the order given, each with its title and source', () => {
    const body = renderList(index.chronology);
    const ids = elements(body, '[data-event]').map((li) => attr(li, 'data-event'));
    expect(ids).toEqual(index.chronology.map((e) => e.id));
    const text = textOf(body);
    for (const e of index.chronology) {
      expect(text).toContain(e.title);
      const labels = e.sources.map((id) => need(index.sources.get(id), `source ${id}`).label);
      expect(squash(text)).toContain(`Source: ${labels.join('; ')}`);
    }
  });

  /** Ids of the events whose <li> carries the class. */
  function eventsWithClass(body: string, cls: string): string[] {
    return elements(body, `li.${cls}`).map((li) => attr(li, 'data-event') ?? '');
  }

  /** Ids of the chronology's events whose first day lies from `from` to `to`, inclusive. */
  function eventsBetween(from: string, to: string): string[] {
    const a = mustParseDate(from).earliest;
    const b = mustParseDate(to).earliest;
    return index.chronology
      .filter((e) => {
        const day = e.date.earliest;
        return day >= a && day <= b;
      })
      .map((e) => e.id);
  }

  it('marks the events from visit-2000 to visit-2024 as inside the 24-year gap, and no others', () => {
    const gap = need(
      index.story.spans.find((s) => s.id === 'gap-24-years'),
      'span gap-24-years',
    );
    const body = renderList(index.chronology, [gap]);
    expect(eventsWithClass(body, 'in-gap')).toEqual(eventsBetween('2000-07-19', '2024-06-19'));
    expect(eventsWithClass(body, 'in-span')).toEqual(eventsBetween('2000-07-19', '2024-06-19'));
  });

  it('marks only the events up to a span’s end when the span ends on a date, not an event', () => {
    const span: Span = {
      id: 's-dated-end',
      label: 'Until 2010',
      from: 'visit-2000',
      to: '2010-01-01',
      relations: [],
      kind: 'era',
    };
    const body = renderList(index.chronology, [span]);
    expect(eventsWithClass(body, 'in-span')).toEqual(eventsBetween('2000-07-19', '2010-01-01'));
  });

  it('marks the events inside a span that starts on a date, not an event', () => {
    const span: Span = {
      id: 's-dated-start',
      label: 'From 1999',
      from: '1999-01-01',
      to: 'visit-2024',
      relations: [],
      kind: 'era',
    };
    const body = renderList(index.chronology, [span]);
    expect(eventsWithClass(body, 'in-span')).toEqual(eventsBetween('1999-01-01', '2024-06-19'));
  });
});

// ---------------------------------------------------------------------------------------------

describe('ReadingPanel', () => {
  function renderPanel(target: Target, date: string | null = null): string {
    return render(ReadingPanel, { props: { target }, context: context(date) }).body;
  }

  /** The panel's own element: the one that names its heading with aria-labelledby. */
  function panelOf(body: string): Element {
    const panel = elements(body, '[aria-labelledby="panel-title"]')[0];
    return need(panel, 'an element labelled by panel-title');
  }

  function headingOf(body: string): string {
    const heading = elements(body, 'h2').find((h) => attr(h, 'id') === 'panel-title');
    return squash(textOf(need(heading, 'h2#panel-title')));
  }

  describe('for the relation pact-2024', () => {
    const body = renderPanel({ kind: 'relation', id: 'pact-2024' });

    it('is an element with a landmark role, labelled by its h2#panel-title', () => {
      const panel = panelOf(body);
      // <aside> is role=complementary; an explicit role would also satisfy the contract.
      expect(
        panel.localName === 'aside' ||
          ['region', 'complementary', 'dialog'].includes(attr(panel, 'role') ?? ''),
      ).toBe(true);
      expect(elements(body, '#panel-title')).toHaveLength(1);
    });

    it('holds "Russia ↔ North Korea" in its heading', () => {
      expect(headingOf(body)).toContain('Russia ↔ North Korea');
    });

    it('says what kind of relation it is and its status on the map’s date', () => {
      const kicker = squash(textOf(elements(body, 'p.kicker')[0]));
      expect(kicker).toContain(TYPE_STYLE['mutual-defence'].label);
      expect(kicker).toContain('Signed, not yet in force');
    });

    it('shows the passages as blockquotes, each in the article word for word, in article order', () => {
      const relation = need(index.relations.get('pact-2024'), 'relation pact-2024');
      const quotes = elements(body, 'blockquote');
      expect(quotes).toHaveLength(new Set(relation.passages).size);
      const positions = quotes.map((q) => {
        const text = textOf(q);
        expect(article).toContain(text);
        expect(text).toBe(need(index.passages.get(attr(q, 'data-passage') ?? ''), 'passage').quote);
        return article.indexOf(text);
      });
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });

    it('marks mentions inside the passages without changing their words', () => {
      const marks = elements(body, 'mark').map((m) => textOf(m));
      expect(marks.length).toBeGreaterThan(0);
      const mentions = new Set(mentionsFor(index, { kind: 'relation', id: 'pact-2024' }));
      for (const mark of marks) expect(mentions).toContain(mark);
    });

    it('has a timeline of <time datetime> from 1961-07-06 to 2024-12-04, oldest first', () => {
      const values = datetimes(body);
      expect(values[0]).toBe('1961-07-06');
      expect(values[values.length - 1]).toBe('2024-12-04');
      const days = values.map((v) => mustParseDate(v).earliest);
      expect(days).toEqual([...days].sort((a, b) => a - b));
      expect(values).toEqual(
        eventsFor(index, { kind: 'relation', id: 'pact-2024' }).map(
          (e) => e.date.text.split('/')[0],
        ),
      );
    });

    it('shows the gap between Putin’s visits as "23 years and 11 months", computed from the dates', () => {
      const gap = elements(body, 'li').find((li) => attr(li, 'data-span') === 'gap-24-years');
      const text = squash(textOf(need(gap, 'the gap-24-years span')));
      expect(text).toContain('24 years between Putin’s visits');
      expect(text).toContain('23 years and 11 months');
      expect(text).toContain('19 July 2000 to 19 June 2024');
      expect(
        attr(need(gap, 'gap').querySelector('[data-length-days]') ?? undefined, 'data-length-days'),
      ).toBe('8736');
    });

    it('shows the 2024 treaty as in force since 4 December 2024 and still running', () => {
      const span = elements(body, 'li').find((li) => attr(li, 'data-span') === 'pact-2024-life');
      expect(squash(textOf(need(span, 'the pact-2024-life span')))).toContain(
        'since 4 December 2024, ongoing',
      );
    });
  });

  it('says a relation is "In force" on a date after it entered into force', () => {
    const body = renderPanel({ kind: 'relation', id: 'pact-2024' }, '2025-01-01');
    const kicker = squash(textOf(elements(body, 'p.kicker')[0]));
    expect(kicker).toContain('In force');
  });

  it('says a relation did not yet exist on a date before it began', () => {
    const body = renderPanel({ kind: 'relation', id: 'pact-2024' }, '1970-01-01');
    expect(textOf(body)).toContain('Not yet in existence on this date');
  });

  table(
    [
      { id: 'RUS', name: 'Russia', role: 'Parties to the 2024 pact' },
      { id: 'PRK', name: 'North Korea', role: 'Parties to the 2024 pact' },
      { id: 'SUN', name: 'Soviet Union', role: 'The Soviet Union and its allies' },
      { id: 'NATO', name: 'NATO', role: 'The US and NATO' },
    ],
    (c) => `for the actor ${c.id} shows “${c.name}” in the heading and its role “${c.role}”`,
    ({ id, name, role }) => {
      const body = renderPanel({ kind: 'actor', id });
      expect(attr(panelOf(body), 'data-kind')).toBe('actor');
      expect(headingOf(body)).toBe(name);
      const kicker = squash(textOf(elements(body, 'p.kicker')[0]));
      expect(kicker).toBe(role);
      for (const q of elements(body, 'blockquote')) expect(article).toContain(textOf(q));
    },
  );

  it('for an event shows its title as the heading and its date', () => {
    const body = renderPanel({ kind: 'event', id: 'visit-2000' });
    const event = need(index.events.get('visit-2000'), 'event visit-2000');
    expect(headingOf(body)).toBe(event.title);
    expect(datetimes(body)).toEqual(['2000-07-19']);
    expect(textOf(body)).toContain('19–20 July 2000');
  });

  table<{ target: Target }>(
    [
      { target: { kind: 'actor', id: 'XYZ' } },
      { target: { kind: 'relation', id: 'no-such-relation' } },
      { target: { kind: 'event', id: 'no-such-event' } },
    ],
    (c) => `for an unknown ${c.target.kind} id renders without throwing, headed by the id`,
    ({ target }) => {
      let body = '';
      expect(() => (body = renderPanel(target))).not.toThrow();
      expect(panelOf(body)).toBeTruthy();
      expect(headingOf(body)).toBe(target.id);
      expect(elements(body, 'blockquote')).toHaveLength(0);
      expect(textOf(body)).toContain('The article does not mention this directly');
      expect(textOf(body)).not.toContain('undefined');
    },
  );

  it('escapes an id from the URL that looks like markup', () => {
    const body = renderPanel({ kind: 'actor', id: '<img src=x onerror=alert(1)>' });
    expect(elements(body, 'img')).toHaveLength(0);
    expect(headingOf(body)).toBe('<img src=x onerror=alert(1)>');
  });
});

// ---------------------------------------------------------------------------------------------

describe('Legend', () => {
  /** The list items of the list with this aria-label, as text, without what only a screen reader hears. */
  function listItems(body: string, label: string): string[] {
    const list = elements(body, 'ul').find((ul) => attr(ul, 'aria-label') === label);
    return elements(need(list, `list "${label}"`), 'li').map((li) => {
      const seen = li.cloneNode(true) as Element;
      for (const hidden of seen.querySelectorAll('.visually-hidden')) hidden.remove();
      return squash(textOf(seen));
    });
  }

  it('gives each role its description from the story file, read out and as a tooltip', () => {
    const { body } = render(Legend, { context: context() });
    const items = elements(body, 'ul[aria-label="Actors by role"] li[title]');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const role = need(
        index.story.roles.find((r) => r.description === attr(item, 'title')),
        `role described as ${attr(item, 'title')}`,
      );
      expect(squash(textOf(item))).toBe(`${role.label}: ${role.description}`);
    }
  });

  table(
    [
      { date: null, name: 'on the story’s own date' },
      { date: '1970-01-01', name: 'in 1970' },
      { date: '2010-06-01', name: 'in 2010' },
    ],
    (c) => `lists each role and relation type the map draws ${c.name}, and no others`,
    ({ date }) => {
      const state = stateAt(date);
      const { body } = render(Legend, { context: appContext(state) });
      const scene = sceneAt(index, state.day);
      const drawnRoles = new Set(
        [...scene.markers, ...scene.shapeOnly].map((a) => roleAt(a, state.day)),
      );
      const roleLabels = index.story.roles.filter((r) => drawnRoles.has(r.id)).map((r) => r.label);
      const roleItems = listItems(body, 'Actors by role');
      for (const label of roleLabels) expect(roleItems).toContain(label);
      for (const role of index.story.roles.filter((r) => !drawnRoles.has(r.id)))
        expect(roleItems).not.toContain(role.label);

      const drawnTypes = [...new Set(scene.relations.map((r) => r.relation.type))];
      const typeItems = listItems(body, 'Relation types');
      expect(typeItems).toEqual(drawnTypes.map((t) => TYPE_STYLE[t].label));
    },
  );

  it('lists the Soviet bloc only while it exists (in 1970, not in 2024), and the pact only from 2024', () => {
    const then = listItems(
      render(Legend, { context: context('1970-01-01') }).body,
      'Actors by role',
    );
    const now = listItems(render(Legend, { context: context() }).body, 'Actors by role');
    expect(then).toContain('The Soviet Union and its allies');
    expect(now).not.toContain('The Soviet Union and its allies');
    expect(then).not.toContain('Parties to the 2024 pact');
    expect(now).toContain('Parties to the 2024 pact');
  });

  it('shows the mutual-defence treaty of 1961 in 1970 but no arms transfers', () => {
    const types = listItems(
      render(Legend, { context: context('1970-01-01') }).body,
      'Relation types',
    );
    expect(types).toContain('Mutual-defence treaty');
    expect(types).not.toContain('Arms transfer');
  });

  it('explains NATO’s hatching and the arrow', () => {
    const body = render(Legend, { context: context() }).body;
    expect(listItems(body, 'Actors by role')).toContain('Hatched: member of NATO');
    expect(listItems(body, 'Relation status')).toContain('Arrow: who acts on whom');
  });

  it('states the map note on disputed borders', () => {
    const note = need(index.story.mapNote, 'story.mapNote');
    const text = squash(textOf(render(Legend, { context: context() }).body));
    expect(text).toContain(squash(note));
  });

  it('is a section labelled by its heading', () => {
    const body = render(Legend, { context: context() }).body;
    expect(elements(body, 'section[aria-labelledby="legend-title"]')).toHaveLength(1);
    expect(elements(body, 'h2#legend-title')).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------

describe('StoryErrors', () => {
  function renderErrors(errors: StoryError[], slug = 'broken-story'): string {
    return render(StoryErrors, { props: { errors, slug } }).body;
  }

  function alertOf(body: string): Element {
    const alert = elements(body, 'div').find((d) => attr(d, 'role') === 'alert');
    return need(alert, 'role="alert"');
  }

  it('renders role="alert" with the file, and each error’s where and message', () => {
    const errors: StoryError[] = [
      { where: 'relations[3] "arms-prk-rus" → from', message: 'unknown actor "XXX"' },
      { where: 'events[2] "treaty-1961-lapses" → date', message: 'impossible date "1996-02-30"' },
    ];
    const text = squash(textOf(alertOf(renderErrors(errors))));
    expect(text).toContain('stories/broken-story.json');
    expect(text).toContain('2 problems');
    for (const e of errors) expect(text).toContain(`${e.where}: ${e.message}`);
  });

  it('says "a problem" for one error', () => {
    const text = squash(
      textOf(alertOf(renderErrors([{ where: 'asOf', message: 'impossible date "2024-13-01"' }]))),
    );
    expect(text).toContain('has a problem');
  });

  it('names the item and field of a real validation error', () => {
    const broken = structuredClone(json) as { relations: { id: string; from: string }[] };
    const relation = need(
      broken.relations.find((r) => r.id === 'arms-prk-rus'),
      'relation arms-prk-rus',
    );
    relation.from = 'XXX';
    const parsed = parseStory(broken, article);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const text = squash(textOf(alertOf(renderErrors(parsed.errors))));
    const at = broken.relations.indexOf(relation);
    expect(text).toContain(`relations[${at}] "arms-prk-rus" → from: unknown actor "XXX"`);
  });

  table(
    [
      {
        field: 'message',
        error: { where: 'notes[0] "n-x" → text', message: '<img src=x onerror=alert(1)>' },
      },
      { field: 'where', error: { where: '<img src=x onerror=alert(1)>', message: 'bad' } },
    ],
    (c) => `escapes hostile markup in the error’s ${c.field}, never rendering it as a tag`,
    ({ error }) => {
      const body = renderErrors([error]);
      expect(elements(body, 'img')).toHaveLength(0);
      expect(body).toContain('&lt;img src=x onerror=alert(1)');
      expect(textOf(alertOf(body))).toContain('<img src=x onerror=alert(1)>');
    },
  );

  it('shows the first 20 errors and says how many more there are', () => {
    const errors = Array.from({ length: 23 }, (_, i) => ({
      where: `events[${i}]`,
      message: `problem ${i}`,
    }));
    const alert = alertOf(renderErrors(errors));
    expect(elements(alert, 'li')).toHaveLength(20);
    expect(squash(textOf(alert))).toContain('…and 3 more.');
  });

  table(
    [
      { slug: 'broken-story', link: true },
      { slug: DEFAULT_STORY, link: false },
    ],
    (c) =>
      `${c.link ? 'offers' : 'does not offer'} the default story when the broken file is ${c.slug}`,
    ({ slug, link }) => {
      const body = renderErrors([{ where: 'asOf', message: 'x' }], slug);
      expect(textOf(body).includes('Open the default story instead')).toBe(link);
    },
  );
});

// ---------------------------------------------------------------------------------------------

describe('EventStrip', () => {
  function renderStrip(
    events: StoryEvent[],
    current: string | null,
    related = new Set<string>(),
  ): string {
    return render(EventStrip, { props: { events, related, current }, context: context() }).body;
  }

  function buttons(body: string): Element[] {
    return elements(body, 'button');
  }

  it('renders one button per event, in date order', () => {
    const body = renderStrip(index.chronology, null);
    const list = buttons(body);
    expect(list).toHaveLength(index.story.events.length);
    expect(list.map((b) => attr(b, 'data-event-id'))).toEqual(index.chronology.map((e) => e.id));
    const days = list.map((b) => mustParseDate(datetimes(b)[0] ?? '').earliest);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    for (const b of list) {
      expect(attr(b, 'type')).toBe('button');
      expect(datetimes(b)[0]).toMatch(DATETIME);
    }
  });

  table(
    [
      { name: 'nothing is chosen', current: null, focused: 'treaty-1961-signed' },
      { name: 'an event is chosen', current: 'visit-2000', focused: 'visit-2000' },
      {
        name: 'the last event is chosen',
        current: 'pact-2024-in-force',
        focused: 'pact-2024-in-force',
      },
      {
        name: 'an unknown event is chosen',
        current: 'no-such-event',
        focused: 'treaty-1961-signed',
      },
    ],
    (c) => `has exactly one tabindex="0", on ${c.focused}, when ${c.name}`,
    ({ current, focused }) => {
      const list = buttons(renderStrip(index.chronology, current));
      const stops = list.filter((b) => attr(b, 'tabindex') === '0');
      expect(stops).toHaveLength(1);
      expect(attr(stops[0], 'data-event-id')).toBe(focused);
      expect(list.filter((b) => attr(b, 'tabindex') === '-1')).toHaveLength(list.length - 1);
    },
  );

  it('marks the chosen event with aria-current="true" and no other', () => {
    const list = buttons(renderStrip(index.chronology, 'visit-2024'));
    const current = list.filter((b) => attr(b, 'aria-current') === 'true');
    expect(current.map((b) => attr(b, 'data-event-id'))).toEqual(['visit-2024']);
    expect(list.filter((b) => attr(b, 'aria-current') !== undefined)).toHaveLength(1);
  });

  it('marks the related events with the class "related"', () => {
    const related = new Set(
      eventsFor(index, { kind: 'relation', id: 'treaty-1961' }).map((e) => e.id),
    );
    const list = buttons(renderStrip(index.chronology, null, related));
    const marked = list
      .filter((b) => b.classList.contains('related'))
      .map((b) => attr(b, 'data-event-id'));
    expect(marked).toEqual(index.chronology.filter((e) => related.has(e.id)).map((e) => e.id));
  });

  it('is a list labelled as events, oldest first', () => {
    expect(
      elements(renderStrip(index.chronology, null), 'ol[aria-label="Events, oldest first"]'),
    ).toHaveLength(1);
  });

  it('renders an empty list without throwing', () => {
    expect(buttons(renderStrip([], null))).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('sources and the article, as the story file gives them', () => {
  const linked = index.story.sources.filter((source) => source.url);
  const note = need(
    index.story.notes.find((n) => n.sources.some((id) => linked.some((s) => s.id === id))),
    'a note citing a source with a URL',
  );

  it('links each of a fact check’s sources that has a URL, and names the others', () => {
    const { body } = render(NoteBox, { props: { note }, context: context() });
    const links = elements(body, '.sources a');
    const expected = note.sources
      .map((id) => need(index.sources.get(id), `source ${id}`))
      .filter((s) => s.url);
    expect(links.map((a) => [textOf(a), attr(a, 'href')])).toEqual(
      expected.map((s) => [s.label, s.url]),
    );
    const text = squash(textOf(elements(body, '.sources')[0]));
    expect(text).toBe(
      `Sources: ${note.sources.map((id) => index.sources.get(id)?.label).join('; ')}`,
    );
  });

  it('credits the article with a link to it and its publisher, when the story gives them', () => {
    const article = {
      src: 'a.txt',
      title: 'The Foundation of a New Global Order',
      author: 'Sanjeev Oak',
      publisher: 'A Newspaper',
      url: 'https://example.org/article',
    };
    const { body } = render(ArticleCredit, { props: { article } });
    const link = elements(body, 'a')[0];
    expect(attr(link, 'href')).toBe(article.url);
    expect(textOf(link)).toBe(article.title);
    expect(squash(textOf(body))).toBe(
      'Based on “The Foundation of a New Global Order” by Sanjeev Oak, A Newspaper.',
    );
  });

  it('credits the article without a link or publisher when the story has none', () => {
    const { body } = render(ArticleCredit, { props: { article: index.story.article } });
    expect(elements(body, 'a')).toHaveLength(0);
    expect(squash(textOf(body))).toBe(
      `Based on “${index.story.article.title}” by ${index.story.article.author}.`,
    );
  });
});
