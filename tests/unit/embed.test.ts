/**
 * The pure parts of embedding: pym.js's message format, the `alliance-map:select` messages a
 * host page and the map exchange (well-formed ones accepted, everything else refused), the
 * cooperative gesture rules, and the embed code for the current view.
 */
import { describe, it, expect } from 'vitest';
import {
  childIdOf,
  heightMessage,
  parsePixels,
  parsePymMessage,
  pymMessage,
} from '../../src/lib/embed/pym';
import { parseSelectMessage, sameTarget, selectMessage } from '../../src/lib/embed/messages';
import {
  declinedHint,
  mayZoom,
  TOUCH_HINT,
  WHEEL_HINT,
  type GestureEvent,
  type GestureRules,
} from '../../src/lib/map/gestures';
import {
  elementSnippet,
  embedUrl,
  escapeAttribute,
  iframeSnippet,
  type EmbedView,
} from '../../src/lib/embed/snippets';

describe('pym.js messages', () => {
  it.each([
    { id: 'map', type: 'height', value: '640', message: 'pymxPYMxmapxPYMxheightxPYMx640' },
    {
      id: 'alliance-map-russia-north-korea-2024',
      type: 'width',
      value: '375',
      message: 'pymxPYMxalliance-map-russia-north-korea-2024xPYMxwidthxPYMx375',
    },
    { id: 'a_b', type: 'navigateTo', value: '', message: 'pymxPYMxa_bxPYMxnavigateToxPYMx' },
  ])('formats a $type message for child "$id" as pym.js does', ({ id, type, value, message }) => {
    expect(pymMessage(id, type, value)).toBe(message);
    expect(parsePymMessage(message, id)).toEqual({ childId: id, type, value });
  });

  it.each([
    { height: 640, sent: '640' },
    { height: 640.2, sent: '641' },
    { height: 0, sent: '0' },
    { height: -5, sent: '0' },
  ])('sends a height of $height px as $sent whole pixels', ({ height, sent }) => {
    expect(heightMessage('map', height)).toBe(`pymxPYMxmapxPYMxheightxPYMx${sent}`);
  });

  it.each([
    { why: 'an object', data: { type: 'width' } },
    { why: 'a number', data: 640 },
    { why: 'null', data: null },
    { why: 'another child’s message', data: 'pymxPYMxotherxPYMxwidthxPYMx640' },
    { why: 'no pym prefix', data: 'xxxxPYMxmapxPYMxwidthxPYMx640' },
    { why: 'too few parts', data: 'pymxPYMxmapxPYMxwidth' },
    { why: 'too many parts', data: 'pymxPYMxmapxPYMxwidthxPYMx640xPYMx1' },
    { why: 'a type with spaces', data: 'pymxPYMxmapxPYMxwid thxPYMx640' },
    { why: 'an empty type', data: 'pymxPYMxmapxPYMxxPYMx640' },
    { why: 'an oversized string', data: `pymxPYMxmapxPYMxwidthxPYMx${'9'.repeat(2000)}` },
    { why: 'an empty string', data: '' },
    { why: 'JSON', data: '{"type":"alliance-map:select"}' },
  ])('ignores $why', ({ data }) => {
    expect(parsePymMessage(data, 'map')).toBeNull();
  });

  it.each(['', 'bad id', 'x'.repeat(101), '<script>'])(
    'refuses to listen as the invalid child id "%s"',
    (id) => {
      expect(parsePymMessage(pymMessage(id, 'width', '10'), id)).toBeNull();
    },
  );

  it.each([
    { value: '640', pixels: 640 },
    { value: '0', pixels: 0 },
    { value: '99999', pixels: 99999 },
    { value: '100000', pixels: null },
    { value: '-1', pixels: null },
    { value: '64.5', pixels: null },
    { value: '640px', pixels: null },
    { value: '', pixels: null },
    { value: '1e3', pixels: null },
  ])('reads "$value" as $pixels pixels', ({ value, pixels }) => {
    expect(parsePixels(value)).toBe(pixels);
  });

  it.each([
    {
      src: 'https://maps.example/?story=x&mode=embed&childId=alliance-map-x#/actor/RUS',
      id: 'alliance-map-x',
    },
    { src: '/?initialWidth=600&childId=map_1', id: 'map_1' },
    { src: '/?childId=bad%20id', id: null },
    { src: '/?mode=embed', id: null },
    { src: 'http://[bad', id: null },
  ])('finds the child id $id in $src', ({ src, id }) => {
    expect(childIdOf(src)).toBe(id);
  });
});

describe('alliance-map:select messages', () => {
  it.each([
    {
      why: 'an actor',
      data: { type: 'alliance-map:select', target: { kind: 'actor', id: 'RUS' } },
      target: { kind: 'actor', id: 'RUS' },
    },
    {
      why: 'a relation',
      data: { type: 'alliance-map:select', target: { kind: 'relation', id: 'pact-2024' } },
      target: { kind: 'relation', id: 'pact-2024' },
    },
    {
      why: 'an event',
      data: { type: 'alliance-map:select', target: { kind: 'event', id: 'visit_2024' } },
      target: { kind: 'event', id: 'visit_2024' },
    },
    { why: 'no selection', data: { type: 'alliance-map:select', target: null }, target: null },
    {
      why: 'a JSON string',
      data: '{"type":"alliance-map:select","target":{"kind":"actor","id":"PRK"}}',
      target: { kind: 'actor', id: 'PRK' },
    },
    {
      why: 'extra fields, dropped',
      data: {
        type: 'alliance-map:select',
        target: { kind: 'actor', id: 'RUS', href: 'javascript:alert(1)' },
        x: 1,
      },
      target: { kind: 'actor', id: 'RUS' },
    },
  ])('accepts $why', ({ data, target }) => {
    expect(parseSelectMessage(data)).toEqual({ type: 'alliance-map:select', target });
  });

  it.each([
    { why: 'another type', data: { type: 'alliance-map:step', target: null } },
    { why: 'a type in other case', data: { type: 'Alliance-Map:Select', target: null } },
    { why: 'no target', data: { type: 'alliance-map:select' } },
    { why: 'an undefined target', data: { type: 'alliance-map:select', target: undefined } },
    {
      why: 'an unknown kind',
      data: { type: 'alliance-map:select', target: { kind: 'country', id: 'RUS' } },
    },
    {
      why: 'an inherited kind',
      data: { type: 'alliance-map:select', target: { kind: 'constructor', id: 'RUS' } },
    },
    {
      why: 'a numeric id',
      data: { type: 'alliance-map:select', target: { kind: 'actor', id: 643 } },
    },
    {
      why: 'an empty id',
      data: { type: 'alliance-map:select', target: { kind: 'actor', id: '' } },
    },
    {
      why: 'an id with a path',
      data: { type: 'alliance-map:select', target: { kind: 'actor', id: '../RUS' } },
    },
    {
      why: 'an id with markup',
      data: {
        type: 'alliance-map:select',
        target: { kind: 'actor', id: '<img src=x onerror=alert(1)>' },
      },
    },
    {
      why: 'a URL as id',
      data: { type: 'alliance-map:select', target: { kind: 'actor', id: 'javascript:alert(1)' } },
    },
    {
      why: 'an overlong id',
      data: { type: 'alliance-map:select', target: { kind: 'actor', id: 'A'.repeat(65) } },
    },
    { why: 'an array target', data: { type: 'alliance-map:select', target: ['actor', 'RUS'] } },
    { why: 'a string target', data: { type: 'alliance-map:select', target: 'actor/RUS' } },
    { why: 'an array', data: ['alliance-map:select'] },
    { why: 'null', data: null },
    { why: 'a number', data: 42 },
    { why: 'broken JSON', data: '{"type":"alliance-map:select",' },
    { why: 'a JSON array', data: '["alliance-map:select"]' },
    { why: 'a pym message', data: 'pymxPYMxmapxPYMxheightxPYMx640' },
    { why: 'code', data: 'alert(1)' },
    {
      why: 'an oversized string',
      data: `{"type":"alliance-map:select","target":null,"pad":"${'x'.repeat(1000)}"}`,
    },
  ])('refuses $why', ({ data }) => {
    expect(parseSelectMessage(data)).toBeNull();
  });

  it('announces a selection with only its kind and id', () => {
    expect(selectMessage({ kind: 'relation', id: 'pact-2024' })).toEqual({
      type: 'alliance-map:select',
      target: { kind: 'relation', id: 'pact-2024' },
    });
    expect(selectMessage(null)).toEqual({ type: 'alliance-map:select', target: null });
  });

  it.each([
    { a: null, b: null, same: true },
    { a: { kind: 'actor', id: 'RUS' }, b: { kind: 'actor', id: 'RUS' }, same: true },
    { a: { kind: 'actor', id: 'RUS' }, b: { kind: 'actor', id: 'PRK' }, same: false },
    { a: { kind: 'actor', id: 'RUS' }, b: { kind: 'event', id: 'RUS' }, same: false },
    { a: { kind: 'actor', id: 'RUS' }, b: null, same: false },
  ] as const)('says $a and $b are the same selection: $same', ({ a, b, same }) => {
    expect(sameTarget(a, b)).toBe(same);
  });
});

describe('cooperative gestures', () => {
  const page: GestureRules = { greedyWheel: true, greedyTouch: true, engaged: false };
  const embed: GestureRules = { greedyWheel: false, greedyTouch: false, engaged: false };
  const engaged: GestureRules = { ...embed, engaged: true };
  const wheel: GestureEvent = { type: 'wheel', ctrlKey: false, metaKey: false };
  const oneFinger: GestureEvent = { type: 'touchstart', touches: { length: 1 } };
  const twoFingers: GestureEvent = { type: 'touchstart', touches: { length: 2 } };

  it.each([
    { why: 'a wheel on the full page', event: wheel, rules: page, zooms: true },
    {
      why: 'a wheel over an embedded map not yet clicked',
      event: wheel,
      rules: embed,
      zooms: false,
    },
    {
      why: 'a wheel over an embedded map once clicked or focused',
      event: wheel,
      rules: engaged,
      zooms: true,
    },
    {
      why: 'a wheel with Ctrl held',
      event: { ...wheel, ctrlKey: true },
      rules: embed,
      zooms: true,
    },
    { why: 'a wheel with ⌘ held', event: { ...wheel, metaKey: true }, rules: embed, zooms: true },
    { why: 'one finger on the full page', event: oneFinger, rules: page, zooms: true },
    { why: 'one finger on an embedded map', event: oneFinger, rules: embed, zooms: false },
    {
      why: 'one finger on an embedded map even once engaged',
      event: oneFinger,
      rules: engaged,
      zooms: false,
    },
    { why: 'two fingers on an embedded map', event: twoFingers, rules: embed, zooms: true },
    {
      why: 'three fingers on an embedded map',
      event: { type: 'touchstart', touches: { length: 3 } },
      rules: embed,
      zooms: true,
    },
    {
      why: 'a mouse drag on an embedded map',
      event: { type: 'mousedown' },
      rules: embed,
      zooms: true,
    },
  ])('$why: zooms or pans = $zooms', ({ event, rules, zooms }) => {
    expect(mayZoom(event, rules)).toBe(zooms);
  });

  it.each([
    { why: 'a wheel the embedded map lets through', event: wheel, rules: embed, hint: WHEEL_HINT },
    { why: 'a wheel the map takes', event: wheel, rules: engaged, hint: null },
    { why: 'a wheel on the full page', event: wheel, rules: page, hint: null },
    {
      why: 'a one-finger swipe over an embedded map',
      event: { type: 'touchmove', touches: { length: 1 } },
      rules: embed,
      hint: TOUCH_HINT,
    },
    {
      why: 'a two-finger move',
      event: { type: 'touchmove', touches: { length: 2 } },
      rules: embed,
      hint: null,
    },
    {
      why: 'a one-finger swipe on the full page',
      event: { type: 'touchmove', touches: { length: 1 } },
      rules: page,
      hint: null,
    },
  ])('tells the reader what to do after $why: $hint', ({ event, rules, hint }) => {
    expect(declinedHint(event, rules)).toBe(hint);
  });

  it('says how to zoom in the words of the issue', () => {
    expect(WHEEL_HINT).toBe('Click the map or hold Ctrl/⌘ to zoom');
  });
});

describe('embed code', () => {
  const view: EmbedView = {
    base: 'https://news.example/maps/alliance/',
    story: 'russia-north-korea-2024',
    date: null,
    selection: null,
    title: 'Putin in Pyongyang: the “new” alliance',
  };

  it.each([
    {
      why: 'the story at its own date',
      change: {},
      url: 'https://news.example/maps/alliance/?story=russia-north-korea-2024&mode=embed&childId=alliance-map-russia-north-korea-2024',
    },
    {
      why: 'a date and a selection',
      change: { date: '2000-07-19', selection: { kind: 'actor', id: 'PRK' } },
      url: 'https://news.example/maps/alliance/?story=russia-north-korea-2024&mode=embed&date=2000-07-19&childId=alliance-map-russia-north-korea-2024#/actor/PRK',
    },
  ] as const)('addresses $why', ({ change, url }) => {
    expect(embedUrl({ ...view, ...change })).toBe(url);
  });

  it('gives an iframe with a title, lazy loading, full screen allowed and the sizing script', () => {
    const code = iframeSnippet({ ...view, selection: { kind: 'relation', id: 'pact-2024' } });
    expect(code).toMatch(
      /^<iframe src="https:\/\/news\.example\/maps\/alliance\/\?story=russia-north-korea-2024&amp;mode=embed&amp;childId=[^"]+#\/relation\/pact-2024"/,
    );
    expect(code).toContain('title="Interactive map: Putin in Pyongyang: the “new” alliance"');
    expect(code).toContain('loading="lazy"');
    expect(code).toContain('allow="fullscreen"');
    expect(code).toContain('data-alliance-map');
    expect(code).toContain(
      '<script type="module" src="https://news.example/maps/alliance/alliance-map.js"></script>',
    );
    expect(code).not.toMatch(/style=|<script>/);
  });

  it('gives the element with the story, date and selection, and no inline script or style', () => {
    const code = elementSnippet({
      ...view,
      date: '2024-06-19',
      selection: { kind: 'actor', id: 'RUS' },
    });
    expect(code).toBe(
      '<script type="module" src="https://news.example/maps/alliance/alliance-map.js"></script>\n' +
        '<alliance-map story="russia-north-korea-2024" date="2024-06-19" selection="actor/RUS"></alliance-map>',
    );
  });

  it.each([
    { text: 'plain', escaped: 'plain' },
    { text: '"quoted"', escaped: '&quot;quoted&quot;' },
    { text: 'a & b', escaped: 'a &amp; b' },
    { text: '<script>', escaped: '&lt;script&gt;' },
  ])('escapes "$text" in an attribute', ({ text, escaped }) => {
    expect(escapeAttribute(text)).toBe(escaped);
  });
});
