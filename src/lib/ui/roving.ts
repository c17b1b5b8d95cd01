/**
 * Arrow keys in a set of controls (the map's markers and relations, the timeline's events, the
 * key's switches), with one rule everywhere: → and ↓ move to the next, ← and ↑ to the previous,
 * wrapping round at the ends; Home and End go to the first and the last. Tab enters and leaves
 * the set as one stop where the set keeps a roving `tabindex`.
 */
import type { Attachment } from 'svelte/attachments';
import { on } from 'svelte/events';

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** The index a key moves to from `index` among `count` controls; undefined for any other key. */
export function nextIndex(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const step = STEPS[key];
  return step === undefined ? undefined : (index + step + count) % count;
}

export interface RovingOptions {
  /** The selector of the controls inside the element, in their order. */
  items: string;
  /** Told of the control moved to (focus has moved there already). */
  onMove?: (index: number, item: HTMLElement | SVGElement) => void;
  /**
   * Home and End, where the controls drawn are a window of a longer list: goes to the list's
   * real first or last and returns true (then the key is handled), or false to go to the first
   * or last drawn.
   */
  onEnds?: (key: 'Home' | 'End') => boolean;
}

/**
 * `{@attach roving({ items: '.marker' })}` on the element holding the controls. A control's own
 * key handler that calls `preventDefault()` (a key of its own) keeps the key; modified keys are
 * left to the browser.
 */
export function roving({
  items,
  onMove,
  onEnds,
}: RovingOptions): Attachment<HTMLElement | SVGElement> {
  return (element) => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const all = [...element.querySelectorAll<HTMLElement | SVGElement>(items)];
      const from = all.findIndex((item) => item.contains(event.target as Node));
      if (from < 0) return;
      if ((event.key === 'Home' || event.key === 'End') && onEnds?.(event.key)) {
        event.preventDefault();
        return;
      }
      const to = nextIndex(event.key, from, all.length);
      if (to === undefined) return;
      event.preventDefault();
      all[to]!.focus();
      onMove?.(to, all[to]!);
    };
    // svelte/events' `on` runs in order with the controls' own (delegated) key handlers. An SVG
    // group has the same keydown event as an HTML element; the cast only picks the typing.
    return on(element as HTMLElement, 'keydown', onKey);
  };
}
