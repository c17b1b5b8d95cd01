/**
 * The app state, the presentation and the address, run as plain objects: `.svelte.ts` runes
 * modules compile through the svelte plugin in vite.config.ts, so their `$state` and `$derived`
 * fields work here without a DOM. History is a `MemoryHistory`, timers are Vitest's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStory } from '../../src/lib/core/story/validate';
import { indexStory, type StoryIndex, type Target } from '../../src/lib/core/story/model';
import { mustParseDate, parseDay } from '../../src/lib/core/story/dates';
import { AppState } from '../../src/lib/state/app.svelte';
import { Address, MemoryHistory, MIN_GAP_MS, SETTLE_MS } from '../../src/lib/state/address.svelte';
import { Presentation } from '../../src/lib/present/presentation.svelte';
import type { Mode } from '../../src/lib/state/route';

const read = (file: string) => readFileSync(`static/stories/${file}`, 'utf8');
const json = JSON.parse(read('russia-north-korea-2024.json')) as Record<string, unknown>;
const steps = (JSON.parse(read('russia-north-korea-2024.presentation.json')) as { steps: unknown })
  .steps;
const parsed = parseStory({ ...json, steps }, read('russia-north-korea-2024.txt'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const index: StoryIndex = indexStory(parsed.story);
const STEPS = parsed.story.steps.length;

const day = (date: string) => parseDay(date)!;
const STORY_DAY = day('2024-06-19');
const RUS: Target = { kind: 'actor', id: 'RUS' };
const CHN: Target = { kind: 'actor', id: 'CHN' };
const TREATY: Target = { kind: 'event', id: 'treaty-1961-signed' };

const stateIn = (mode: Mode = 'full') => new AppState(index, mode, null);

describe('AppState.select', () => {
  it('selects a target that exists and clears an earlier notice', () => {
    const app = stateIn();
    app.notice = 'old';
    app.select(RUS);
    expect(app.selection).toEqual(RUS);
    expect(app.notice).toBe('');
    expect(app.isSelected(RUS)).toBe(true);
  });

  it.each<Target>([
    { kind: 'actor', id: 'XYZ' },
    { kind: 'relation', id: 'nope' },
    { kind: 'event', id: 'never' },
  ])('clears the selection with a notice for the unknown $kind "$id"', (target) => {
    const app = stateIn();
    app.select(RUS);
    app.select(target);
    expect(app.selection).toBeNull();
    expect(app.notice).toContain(`No ${target.kind} “${target.id}”`);
  });

  it('shows the map as of an event’s date when the event is chosen', () => {
    const app = stateIn();
    app.select(TREATY);
    expect(app.day).toBe(day('1961-07-06'));
  });

  it('keeps the day for an actor or a relation', () => {
    const app = stateIn();
    app.setDay(day('2000-01-01'));
    app.select(RUS);
    expect(app.day).toBe(day('2000-01-01'));
  });

  it.each<Mode>(['present', 'presenter'])(
    'ignores the reader’s selections in %s mode, but not the address’s',
    (mode) => {
      const app = stateIn(mode);
      app.select(RUS);
      expect(app.selection).toBeNull();
      app.select(RUS, 'history');
      expect(app.selection).toEqual(RUS);
    },
  );

  it('emphasises the selection once painted (at once where nothing paints)', () => {
    const app = stateIn();
    app.select(RUS);
    expect(app.emphasized).toEqual(RUS);
    expect(app.focus?.actors.has('RUS')).toBe(true);
  });

  it('close clears the selection and the article view', () => {
    const app = stateIn();
    app.select(RUS);
    app.articlePassage = '';
    app.close();
    expect(app.selection).toBeNull();
    expect(app.articlePassage).toBeNull();
  });
});

describe('AppState.view', () => {
  it.each<{ name: string; act: (app: AppState) => void; view: object }>([
    {
      name: 'the whole map on the story’s day',
      act: () => {},
      view: { mode: 'full', day: null, selection: null, step: null, hide: [] },
    },
    {
      name: 'an actor on the story’s day',
      act: (app) => app.select(RUS),
      view: { day: null, selection: RUS },
    },
    {
      name: 'an event on its own day',
      act: (app) => app.select(TREATY),
      view: { day: null, selection: TREATY },
    },
    {
      name: 'an event, then another day',
      act: (app) => {
        app.select(TREATY);
        app.setDay(day('1970-01-01'));
      },
      view: { day: day('1970-01-01'), selection: TREATY },
    },
    {
      name: 'hidden key categories, sorted',
      act: (app) => {
        app.toggleHidden('war');
        app.toggleHidden('arms-transfer');
        app.toggleHidden('sanctions');
        app.toggleHidden('sanctions');
      },
      view: { hide: ['arms-transfer', 'war'] },
    },
    {
      name: 'a presentation step, without selection or date',
      act: (app) => {
        app.setMode('present');
        app.showStep(3);
      },
      view: { mode: 'present', day: null, selection: null, step: 4 },
    },
  ])('holds $name', ({ act, view }) => {
    const app = stateIn();
    act(app);
    expect(app.view).toMatchObject(view);
  });
});

describe('AppState.applyView', () => {
  it('restores a selection and the story’s day when the view names no date', () => {
    const app = stateIn();
    app.select(TREATY);
    app.applyView({ mode: 'full', day: null, selection: RUS, step: null, hide: [] });
    expect(app.selection).toEqual(RUS);
    expect(app.day).toBe(STORY_DAY);
  });

  it('restores an event on its day, or on the day the view names', () => {
    const app = stateIn();
    app.applyView({ mode: 'full', day: null, selection: TREATY, step: null, hide: [] });
    expect(app.day).toBe(day('1961-07-06'));
    app.applyView({
      mode: 'full',
      day: day('1980-05-05'),
      selection: TREATY,
      step: null,
      hide: [],
    });
    expect(app.day).toBe(day('1980-05-05'));
  });

  it('enters the presentation at a step and leaves it without its emphasis', () => {
    const app = stateIn();
    app.select(RUS);
    app.applyView({ mode: 'present', day: null, selection: null, step: 1, hide: [] });
    expect(app.mode).toBe('present');
    expect(app.selection).toBeNull();
    expect(app.step).toBe(0);
    expect(app.day).toBe(day('1961-07-06'));
    expect(app.highlight?.actors.has('SUN')).toBe(true);
    app.applyView({ mode: 'full', day: null, selection: RUS, step: null, hide: ['war'] });
    expect(app.mode).toBe('full');
    expect(app.highlight).toBeNull();
    expect(app.selection).toEqual(RUS);
    expect([...app.hiddenTypes]).toEqual(['war']);
  });

  it.each([
    { step: 0, shown: 0 },
    { step: 99, shown: STEPS - 1 },
  ])('shows the nearest step with a notice for step $step', ({ step, shown }) => {
    const app = stateIn('present');
    app.applyView({ mode: 'present', day: null, selection: null, step, hide: [] });
    expect(app.step).toBe(shown);
    expect(app.notice).toContain(`There is no step ${step}`);
  });
});

describe('Presentation', () => {
  it('moves through the steps, clamped at both ends, and each step sets the map', () => {
    const app = stateIn('present');
    const presentation = new Presentation(app);
    presentation.go(0);
    expect(presentation.step?.title).toBe(parsed.story.steps[0]!.title);
    presentation.previous();
    expect(presentation.index).toBe(0);
    presentation.perform('last');
    expect(presentation.index).toBe(STEPS - 1);
    presentation.next();
    expect(presentation.index).toBe(STEPS - 1);
    presentation.perform('first');
    presentation.perform('next');
    expect(app.step).toBe(1);
    expect(app.day).toBe(mustParseDate('1995').earliest);
  });

  it('blanks and unblanks; moving shows the screen again', () => {
    const presentation = new Presentation(stateIn('present'));
    expect(presentation.perform('blank')).toBe(true);
    expect(presentation.blank).toBe(true);
    presentation.next();
    expect(presentation.blank).toBe(false);
  });

  it.each(['fullscreen', 'notes', 'exit'] as const)('leaves "%s" to the window', (action) => {
    expect(new Presentation(stateIn('present')).perform(action)).toBe(false);
  });

  it('does nothing without steps', () => {
    const app = new AppState(indexStory({ ...parsed.story, steps: [] }), 'present', null);
    const presentation = new Presentation(app);
    presentation.go(3);
    expect(presentation.index).toBe(0);
    expect(app.highlight).toBeNull();
  });
});

describe('Address', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function open(address = '', mode: Mode = 'full') {
    const app = stateIn(mode);
    const memory = new MemoryHistory(address);
    const owner = new Address(app, memory);
    owner.read();
    memory.listen(() => owner.read());
    /** A change by the reader, then the address's reaction to it (as its effect does). */
    const change = (act: () => void) => {
      act();
      owner.sync();
    };
    return { app, memory, owner, change };
  }

  it('shows the view a link names', () => {
    const { app } = open('?date=1970-01-01#/actor/RUS');
    expect(app.selection).toEqual(RUS);
    expect(app.day).toBe(day('1970-01-01'));
  });

  it('writes a new selection as a new entry after a frame; Back and Forward restore both views', () => {
    const { app, memory, change } = open('#/actor/RUS');
    change(() => app.select(CHN));
    expect(memory.writes).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(memory.writes).toEqual([{ address: '#/actor/CHN', how: 'push' }]);
    memory.go(-1);
    expect(app.selection).toEqual(RUS);
    memory.go(1);
    expect(app.selection).toEqual(CHN);
  });

  it('writes an event without the date it carries; Back restores the day before it', () => {
    const { app, memory, change } = open('?date=2000-01-01#/actor/RUS');
    change(() => app.select(TREATY));
    vi.advanceTimersByTime(20);
    expect(memory.entries).toEqual(['?date=2000-01-01#/actor/RUS', '#/event/treaty-1961-signed']);
    memory.go(-1);
    expect(app.day).toBe(day('2000-01-01'));
    expect(app.selection).toEqual(RUS);
  });

  it('writes a slider held down for 150 steps once, when it settles', () => {
    const { app, memory, change } = open();
    for (let i = 1; i <= 150; i++) {
      change(() => app.setDay(STORY_DAY - i));
      vi.advanceTimersByTime(30);
    }
    expect(memory.writes).toEqual([]);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(memory.writes).toEqual([{ address: '?date=2024-01-21', how: 'push' }]);
  });

  it('never writes twice within the minimum gap', () => {
    const { app, memory, change } = open();
    const times: number[] = [];
    const write = memory.write.bind(memory);
    memory.write = (address, how) => {
      times.push(Date.now());
      write(address, how);
    };
    for (const target of [RUS, CHN, RUS, CHN]) {
      change(() => app.select(target));
      vi.advanceTimersByTime(40);
    }
    vi.advanceTimersByTime(1000);
    expect(times.length).toBeGreaterThan(1);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(MIN_GAP_MS);
    expect(memory.read().hash).toBe('#/actor/CHN');
  });

  it('rewrites the entry for a presentation step, and pushes entering and leaving it', () => {
    const { app, memory, change } = open('#/actor/RUS');
    change(() => {
      app.setMode('present');
      app.showStep(0);
    });
    vi.advanceTimersByTime(20);
    change(() => app.showStep(4));
    vi.advanceTimersByTime(SETTLE_MS);
    expect(memory.entries).toEqual(['#/actor/RUS', '?mode=present#/step/5']);
    change(() => app.setMode('full'));
    vi.advanceTimersByTime(SETTLE_MS);
    expect(memory.writes.map((w) => w.how)).toEqual(['push', 'replace', 'push']);
    memory.go(-1);
    expect(app.mode).toBe('present');
    expect(app.step).toBe(4);
    memory.go(-1);
    expect(app.mode).toBe('full');
    expect(app.highlight).toBeNull();
    expect(app.selection).toEqual(RUS);
  });

  it('rewrites the one entry in an embed, however many selections', () => {
    const { app, memory, change } = open('?mode=embed&childId=x', 'embed');
    change(() => app.select(RUS));
    vi.advanceTimersByTime(SETTLE_MS);
    change(() => app.select(CHN));
    vi.advanceTimersByTime(SETTLE_MS);
    expect(memory.entries).toEqual(['?mode=embed&childId=x#/actor/CHN']);
  });

  it('keeps hidden key categories in the entry, and gives them back', () => {
    const { app, memory, change } = open('?hide=war,arms-transfer');
    expect([...app.hiddenTypes].sort()).toEqual(['arms-transfer', 'war']);
    change(() => app.toggleHidden('war'));
    vi.advanceTimersByTime(SETTLE_MS);
    expect(memory.writes).toEqual([{ address: '?hide=arms-transfer', how: 'replace' }]);
    memory.go(0);
    expect([...app.hiddenTypes]).toEqual(['arms-transfer']);
  });

  it('drops a pending write when the reader goes back first', () => {
    const { app, memory, change } = open('#/actor/RUS');
    memory.write('#/actor/CHN', 'push');
    memory.writes = [];
    change(() => app.setDay(day('1990-01-01')));
    memory.go(-1);
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(memory.writes).toEqual([]);
    expect(app.day).toBe(STORY_DAY);
  });
});
