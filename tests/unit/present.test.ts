import { describe, expect, it } from 'vitest';
import { parsePresentMessage } from '../../src/lib/present/channel';
import { presentAction, swipeAction } from '../../src/lib/present/keys';

const key = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('presentAction', () => {
  it.each([
    ['ArrowRight', 'next'],
    ['ArrowDown', 'next'],
    [' ', 'next'],
    ['PageDown', 'next'],
    ['ArrowLeft', 'previous'],
    ['ArrowUp', 'previous'],
    ['PageUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['b', 'blank'],
    ['B', 'blank'],
    ['.', 'blank'],
    ['f', 'fullscreen'],
    ['F', 'fullscreen'],
    ['Escape', 'exit'],
    ['s', 'notes'],
  ])('maps the key %j to %s, as a clicker or reveal.js does', (name, action) => {
    expect(presentAction(key(name))).toBe(action);
  });

  it.each(['a', 'Enter', 'Tab', 'x', '1'])('ignores the key %j', (name) => {
    expect(presentAction(key(name))).toBeNull();
  });

  it('leaves keys with Ctrl, ⌘ or Alt to the browser', () => {
    expect(presentAction(key('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(presentAction(key('f', { metaKey: true }))).toBeNull();
    expect(presentAction(key('PageDown', { altKey: true }))).toBeNull();
  });

  it('treats Shift+Space as going back, as slide software does', () => {
    expect(presentAction(key(' ', { shiftKey: true }))).toBe('previous');
  });
});

describe('swipeAction', () => {
  it.each([
    [-120, 5, 'next'],
    [120, -5, 'previous'],
    [-59, 0, null],
    [-100, 90, null],
    [0, -200, null],
  ] as const)('reads a move of (%d, %d) as %s', (dx, dy, expected) => {
    expect(swipeAction(dx, dy)).toBe(expected);
  });
});

describe('parsePresentMessage', () => {
  it.each([
    [
      { type: 'alliance-map:step', index: 3 },
      { type: 'alliance-map:step', index: 3 },
    ],
    [{ type: 'alliance-map:hello' }, { type: 'alliance-map:hello' }],
    [{ type: 'alliance-map:step', index: -1 }, null],
    [{ type: 'alliance-map:step', index: 1.5 }, null],
    [{ type: 'alliance-map:step', index: '2' }, null],
    [{ type: 'alliance-map:step' }, null],
    [{ type: 'other', index: 1 }, null],
    ['alliance-map:step', null],
    [null, null],
    [42, null],
  ])('accepts only well-formed step messages: %j', (input, expected) => {
    expect(parsePresentMessage(input)).toEqual(expected);
  });
});
