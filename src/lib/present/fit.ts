/**
 * Fitting a caption to its box: the type steps down from its full size until the text fits
 * without scrolling, never below a floor that the back of a room can still read.
 */

export interface FitBounds {
  /** Largest scale (1 = the slide's full type size). */
  max: number;
  /** Smallest scale allowed. */
  min: number;
  /** How much each try shrinks the type. */
  step: number;
}

export const CAPTION_FIT: FitBounds = { max: 1, min: 0.72, step: 0.04 };

/**
 * The largest scale from `max` down to `min` (in `step`s) at which `fits(scale)` holds, and
 * whether it fits at all; at the floor the text keeps the floor's size.
 */
export function fitScale(
  fits: (scale: number) => boolean,
  bounds: FitBounds = CAPTION_FIT,
): { scale: number; fits: boolean } {
  const { max, min, step } = bounds;
  for (let scale = max; scale >= min - 1e-9; scale = Math.round((scale - step) * 1000) / 1000) {
    if (fits(scale)) return { scale, fits: true };
  }
  return { scale: min, fits: false };
}

/**
 * Svelte action: sets `--fit` on the element to the scale at which its content fits (its own
 * font size is expected to use it) and `data-fits` to whether it does; refits when the element
 * is resized, its text changes or `key` changes (the step).
 */
export function fitText(node: HTMLElement, key: unknown) {
  let frame = 0;
  const fit = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const result = fitScale((scale) => {
        node.style.setProperty('--fit', String(scale));
        return node.scrollHeight <= node.clientHeight + 1;
      });
      node.style.setProperty('--fit', String(result.scale));
      node.dataset.fits = String(result.fits);
    });
  };
  // A new step, or text that arrives later (the story's reading texts), changes the content
  // without resizing the box: both refit, and until then the caption does not claim to fit.
  const refit = () => {
    delete node.dataset.fits;
    fit();
  };
  const observer = new ResizeObserver(fit);
  observer.observe(node);
  const content = new MutationObserver(refit);
  content.observe(node, { childList: true, characterData: true, subtree: true });
  fit();
  return {
    update(next: unknown) {
      if (next !== key) {
        key = next;
        refit();
      }
    },
    destroy() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      content.disconnect();
    },
  };
}
