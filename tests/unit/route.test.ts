/**
 * The URL as the app's public interface: query parameters choose the story, mode and date;
 * the hash holds the selection or presentation step.
 */
import { describe, it, expect } from 'vitest';
import {
  DEFAULT_STORY,
  formatHash,
  formatView,
  historyWrite,
  parseHash,
  parseParams,
  parseView,
  type Route,
  type View,
} from '../../src/lib/state/route';
import { parseDay } from '../../src/lib/core/story/dates';
import type { Target } from '../../src/lib/core/story/model';

describe('parseParams', () => {
  it.each(['', '?', '?unrelated=1'])(
    'shows the default story in full, as of its own date, for "%s"',
    (search) => {
      expect(parseParams(search)).toEqual({
        story: DEFAULT_STORY,
        mode: 'full',
        date: null,
        childId: null,
        hide: null,
        notices: [],
      });
    },
  );

  it('names russia-north-korea-2024 as the default story', () => {
    expect(DEFAULT_STORY).toBe('russia-north-korea-2024');
  });

  it.each(['nordic-baltic', 'russia-north-korea-2024', 'a', '2024', 'x'.repeat(80)])(
    'accepts the story slug "%s"',
    (slug) => {
      const params = parseParams(`?story=${slug}`);
      expect(params.story).toBe(slug);
      expect(params.notices).toEqual([]);
    },
  );

  it.each([
    { search: '?story=../etc', shown: '../etc' },
    { search: '?story=..%2Fetc%2Fpasswd', shown: '../etc/passwd' },
    { search: '?story=Bad+Slug', shown: 'Bad Slug' },
    { search: '?story=Bad%20Slug', shown: 'Bad Slug' },
    { search: '?story=UPPER', shown: 'UPPER' },
    { search: '?story=under_score', shown: 'under_score' },
    { search: '?story=', shown: '' },
    { search: `?story=${'x'.repeat(81)}`, shown: 'x'.repeat(80) },
  ])(
    'refuses the story "$shown" with a notice and shows the default story',
    ({ search, shown }) => {
      const params = parseParams(search);
      expect(params.story).toBe(DEFAULT_STORY);
      expect(params.notices).toHaveLength(1);
      expect(params.notices[0]).toContain(`“${shown}”`);
      expect(params.notices[0]).toMatch(/is not a story name/);
    },
  );

  it.each([
    { search: '?mode=embed', mode: 'embed' },
    { search: '?mode=present', mode: 'present' },
    { search: '?mode=full', mode: 'full' },
  ])('reads $search as mode $mode', ({ search, mode }) => {
    const params = parseParams(search);
    expect(params.mode).toBe(mode);
  });

  it('accepts the embed and present modes without a notice', () => {
    expect(parseParams('?mode=embed').notices).toEqual([]);
    expect(parseParams('?mode=present').notices).toEqual([]);
  });

  it.each(['bogus', 'EMBED', '', 'print'])(
    'falls back to the full page with a notice for the unknown mode "%s"',
    (mode) => {
      const params = parseParams(`?mode=${mode}`);
      expect(params.mode).toBe('full');
      expect(params.notices).toHaveLength(1);
      expect(params.notices[0]).toContain(`Unknown mode “${mode}”`);
    },
  );

  it.each(['1970-01-01', '2024-02-29', '2024-06-19', '1961-07-06'])(
    'reads the date %s as its day number',
    (date) => {
      const params = parseParams(`?date=${date}`);
      expect(params.date).toBe(parseDay(date));
      expect(params.date).not.toBeNull();
      expect(params.notices).toEqual([]);
    },
  );

  it('reads ?date=1970-01-02 as day 1', () => {
    expect(parseParams('?date=1970-01-02').date).toBe(1);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024',
    '2024-06',
    '19-06-2024',
    'yesterday',
    '',
  ])('ignores the date "%s" with a notice and keeps the story’s own date', (date) => {
    const params = parseParams(`?date=${date}`);
    expect(params.date).toBeNull();
    expect(params.notices).toHaveLength(1);
    expect(params.notices[0]).toContain(`“${date}” is not a date`);
  });

  it.each([
    { childId: 'map', expected: 'map' },
    { childId: 'alliance-map_2', expected: 'alliance-map_2' },
    { childId: 'has space', expected: null },
    { childId: '<script>', expected: null },
    { childId: '', expected: null },
    { childId: 'x'.repeat(101), expected: null },
  ])('reads pym’s childId "$childId" as $expected', ({ childId, expected }) => {
    expect(parseParams(`?childId=${encodeURIComponent(childId)}`).childId).toBe(expected);
  });

  it('reads all parameters together and collects one notice per problem', () => {
    const params = parseParams('?story=Bad+Slug&mode=weird&date=2024-02-30&childId=frame-1');
    expect(params.story).toBe(DEFAULT_STORY);
    expect(params.mode).toBe('full');
    expect(params.date).toBeNull();
    expect(params.childId).toBe('frame-1');
    expect(params.notices).toHaveLength(3);
  });

  it('reads a valid combination without notices', () => {
    expect(
      parseParams('?story=nordic-baltic&mode=present&date=2023-04-04&childId=c1&hide=war'),
    ).toEqual({
      story: 'nordic-baltic',
      mode: 'present',
      date: parseDay('2023-04-04'),
      childId: 'c1',
      hide: 'war',
      notices: [],
    });
  });
});

describe('parseHash', () => {
  it.each<{ hash: string; route: Route }>([
    { hash: '', route: { kind: 'none' } },
    { hash: '#', route: { kind: 'none' } },
    { hash: '#/', route: { kind: 'none' } },
    { hash: '/', route: { kind: 'none' } },
    { hash: '#/actor/RUS', route: { kind: 'target', target: { kind: 'actor', id: 'RUS' } } },
    { hash: '/actor/RUS', route: { kind: 'target', target: { kind: 'actor', id: 'RUS' } } },
    {
      hash: '#/relation/pact-2024',
      route: { kind: 'target', target: { kind: 'relation', id: 'pact-2024' } },
    },
    { hash: '#/event/x', route: { kind: 'target', target: { kind: 'event', id: 'x' } } },
    {
      hash: '#/event/visit-2000',
      route: { kind: 'target', target: { kind: 'event', id: 'visit-2000' } },
    },
    {
      hash: '#/actor/New%20Zealand',
      route: { kind: 'target', target: { kind: 'actor', id: 'New Zealand' } },
    },
    { hash: '#/actor/C%C3%B4te', route: { kind: 'target', target: { kind: 'actor', id: 'Côte' } } },
    { hash: '#/step/3', route: { kind: 'step', step: 3 } },
    { hash: '#/step/0', route: { kind: 'step', step: 0 } },
    { hash: '#/step/9999', route: { kind: 'step', step: 9999 } },
    { hash: '#/step/10000', route: { kind: 'unknown', hash: '/step/10000' } },
    { hash: '#/step/-1', route: { kind: 'unknown', hash: '/step/-1' } },
    { hash: '#/step/two', route: { kind: 'unknown', hash: '/step/two' } },
    { hash: '#/step/1.5', route: { kind: 'unknown', hash: '/step/1.5' } },
    { hash: '#/foo', route: { kind: 'unknown', hash: '/foo' } },
    { hash: '#/foo/bar', route: { kind: 'unknown', hash: '/foo/bar' } },
    { hash: '#/actor', route: { kind: 'unknown', hash: '/actor' } },
    { hash: '#/actor/', route: { kind: 'unknown', hash: '/actor/' } },
    { hash: '#/actor/RUS/extra', route: { kind: 'unknown', hash: '/actor/RUS/extra' } },
    { hash: '#actor/RUS', route: { kind: 'unknown', hash: 'actor/RUS' } },
    { hash: '#/Actor/RUS', route: { kind: 'unknown', hash: '/Actor/RUS' } },
    { hash: '#/actor/%E0%A4%A', route: { kind: 'unknown', hash: '/actor/%E0%A4%A' } },
    { hash: '#/actor/%', route: { kind: 'unknown', hash: '/actor/%' } },
    { hash: '#/step/%3', route: { kind: 'unknown', hash: '/step/%3' } },
  ])('reads "$hash" as $route.kind', ({ hash, route }) => {
    expect(parseHash(hash)).toEqual(route);
  });
});

describe('formatHash', () => {
  it('writes no hash for no selection', () => {
    expect(formatHash(null)).toBe('');
    expect(parseHash(formatHash(null))).toEqual({ kind: 'none' });
  });

  it.each<{ target: Target; hash: string }>([
    { target: { kind: 'actor', id: 'RUS' }, hash: '#/actor/RUS' },
    { target: { kind: 'relation', id: 'pact-2024' }, hash: '#/relation/pact-2024' },
    { target: { kind: 'event', id: 'visit-2000' }, hash: '#/event/visit-2000' },
    { target: { kind: 'actor', id: 'New Zealand' }, hash: '#/actor/New%20Zealand' },
  ])('writes $target.kind "$target.id" as $hash', ({ target, hash }) => {
    expect(formatHash(target)).toBe(hash);
  });

  it.each<Target>([
    { kind: 'actor', id: 'RUS' },
    { kind: 'relation', id: 'pact-2024' },
    { kind: 'event', id: 'x' },
    { kind: 'actor', id: 'New Zealand' },
    { kind: 'actor', id: ' leading and trailing ' },
    { kind: 'relation', id: 'a b  c' },
    { kind: 'event', id: 'slash/inside' },
    { kind: 'event', id: 'hash#and?query&100%' },
    { kind: 'actor', id: 'Côte d’Ivoire' },
    { kind: 'actor', id: '3' },
  ])('reads back the hash of $kind "$id" as the same selection', (target) => {
    const hash = formatHash(target);
    expect(hash.startsWith(`#/${target.kind}/`)).toBe(true);
    expect(hash).not.toMatch(/ /);
    expect(parseHash(hash)).toEqual({ kind: 'target', target });
  });
});

describe('parseView and formatView', () => {
  const RUS: Target = { kind: 'actor', id: 'RUS' };
  const base: View = { mode: 'full', day: null, selection: null, step: null, hide: [] };
  it.each<{ address: string; view: View }>([
    { address: '', view: base },
    { address: '#/actor/RUS', view: { ...base, selection: RUS } },
    {
      address: '?date=1961-07-06#/event/treaty-1961-signed',
      view: {
        ...base,
        day: parseDay('1961-07-06'),
        selection: { kind: 'event', id: 'treaty-1961-signed' },
      },
    },
    { address: '?mode=present#/step/3', view: { ...base, mode: 'present', step: 3 } },
    { address: '?mode=presenter#/step/1', view: { ...base, mode: 'presenter', step: 1 } },
    { address: '?mode=embed#/actor/RUS', view: { ...base, mode: 'embed', selection: RUS } },
    { address: '?hide=arms,war', view: { ...base, hide: ['arms', 'war'] } },
  ])('reads "$address" and writes it back the same', ({ address, view }) => {
    const at = address.includes('#') ? address.indexOf('#') : address.length;
    const [search, hash] = [address.slice(0, at), address.slice(at)];
    expect(parseView(search, hash)).toEqual({ view, notices: [] });
    expect(formatView(view, '')).toBe(address);
  });

  it('keeps the story and pym’s child id, and drops what the view no longer has', () => {
    expect(
      formatView(base, '?story=nordic-baltic&date=2000-01-01&mode=present&hide=war&childId=c'),
    ).toBe('?story=nordic-baltic&childId=c');
  });

  it('opens a presentation without a step at its first, and ignores a selection there', () => {
    expect(parseView('?mode=present', '#/actor/RUS').view).toMatchObject({
      selection: null,
      step: 1,
    });
  });

  it('gives a notice for a hash it does not understand, and drops odd key ids', () => {
    const { view, notices } = parseView('?hide=war,<b>,war', '#/nonsense');
    expect(view.hide).toEqual(['war']);
    expect(notices).toEqual([expect.stringContaining('“#/nonsense” does not match')]);
  });
});

describe('historyWrite', () => {
  const RUS: Target = { kind: 'actor', id: 'RUS' };
  const full: View = { mode: 'full', day: null, selection: null, step: null, hide: [] };
  it.each<{ name: string; from: View; to: View; how: 'push' | 'replace' | null }>([
    { name: 'nothing changed', from: full, to: { ...full }, how: null },
    { name: 'another selection', from: full, to: { ...full, selection: RUS }, how: 'push' },
    { name: 'another date', from: full, to: { ...full, day: 0 }, how: 'push' },
    {
      name: 'entering the presentation',
      from: full,
      to: { ...full, mode: 'present', step: 1 },
      how: 'push',
    },
    {
      name: 'another step',
      from: { ...full, mode: 'present', step: 1 },
      to: { ...full, mode: 'present', step: 2 },
      how: 'replace',
    },
    { name: 'a key switch', from: full, to: { ...full, hide: ['war'] }, how: 'replace' },
    {
      name: 'a selection in an embed',
      from: { ...full, mode: 'embed' },
      to: { ...full, mode: 'embed', selection: RUS },
      how: 'replace',
    },
  ])('$name: $how', ({ from, to, how }) => {
    expect(historyWrite(from, to)).toBe(how);
  });
});
