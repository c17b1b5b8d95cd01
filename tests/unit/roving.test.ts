/**
 * One rule for arrow keys across the app's sets of controls (markers, relations, the timeline's
 * events, the key): next and previous wrap round, Home and End go to the ends.
 */
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { nextIndex, roving } from '../../src/lib/ui/roving';

describe('nextIndex', () => {
  it.each([
    { key: 'ArrowRight', from: 0, to: 1 },
    { key: 'ArrowDown', from: 1, to: 2 },
    { key: 'ArrowRight', from: 3, to: 0 },
    { key: 'ArrowLeft', from: 2, to: 1 },
    { key: 'ArrowUp', from: 0, to: 3 },
    { key: 'Home', from: 2, to: 0 },
    { key: 'End', from: 0, to: 3 },
    { key: 'Enter', from: 1, to: undefined },
    { key: 'a', from: 1, to: undefined },
  ])('moves $key from $from to $to among four', ({ key, from, to }) => {
    expect(nextIndex(key, from, 4)).toBe(to);
  });

  it('moves nowhere in an empty set', () => {
    expect(nextIndex('ArrowRight', 0, 0)).toBeUndefined();
  });
});

describe('roving', () => {
  function setUp() {
    document.body.innerHTML =
      '<div><button>A</button><span>not an item</span><button>B</button><button>C</button></div>';
    const holder = document.querySelector('div')!;
    const moves: number[] = [];
    const detach = roving({ items: 'button', onMove: (i) => moves.push(i) })(holder);
    const buttons = [...holder.querySelectorAll('button')];
    const press = (from: number, key: string, init: KeyboardEventInit = {}) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
      buttons[from]!.dispatchEvent(event);
      return event;
    };
    return { buttons, moves, press, detach };
  }

  it('focuses the control a key moves to and says which', () => {
    const { buttons, moves, press } = setUp();
    expect(press(0, 'ArrowLeft').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(buttons[2]);
    press(2, 'Home');
    expect(document.activeElement).toBe(buttons[0]);
    expect(moves).toEqual([2, 0]);
  });

  it('leaves other keys, modified keys and keys a control took to the page', () => {
    const { moves, press } = setUp();
    expect(press(0, 'Enter').defaultPrevented).toBe(false);
    expect(press(0, 'ArrowRight', { altKey: true }).defaultPrevented).toBe(false);
    const taken = new KeyboardEvent('keydown', {
      key: 'ArrowRight',
      bubbles: true,
      cancelable: true,
    });
    taken.preventDefault();
    document.querySelector('button')!.dispatchEvent(taken);
    expect(moves).toEqual([]);
  });

  it('stops listening once detached', () => {
    const { moves, press, detach } = setUp();
    detach?.();
    press(0, 'ArrowRight');
    expect(moves).toEqual([]);
  });
});
