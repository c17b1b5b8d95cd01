/**
 * An element's width as a ResizeObserver reports it, for `{@attach observedWidth(set)}`: the
 * first comes after the frame's own layout. (`bind:clientWidth` reads the width as the element
 * is mounted, which forces a layout of the whole page in the middle of the mount.) The element
 * should have no padding or border: the width reported is its content box's, rounded as
 * `clientWidth` is. Svelte's `bind:contentRect` does the same, but its runtime lands in the
 * page's first script (91 bytes gzip, over that script's budget); this comes with its user.
 */
import type { Attachment } from 'svelte/attachments';

export function observedWidth(set: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    const observer = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      if (entry) set(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  };
}
