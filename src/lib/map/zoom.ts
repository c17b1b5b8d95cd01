/**
 * The one zoom module: wheel, drag, pinch, the +/−/reset buttons and fly-to all go through the
 * d3-zoom behaviour attached here, so they share one transform and one set of limits.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { Box } from './layout';
import { frameView, MAX_ZOOM, type View } from './view';

export interface ZoomController {
  zoomBy(factor: number): void;
  /** Frames a box in untransformed map coordinates (padding in pixels), animated unless `instant`. */
  frame(box: Box, padding?: number, instant?: boolean): void;
  destroy(): void;
}

export interface ZoomOptions {
  width: number;
  height: number;
  /** The view to start from (the story's own view, or where the reader was before a resize). */
  initial: View;
  onZoom: (transform: ZoomTransform) => void;
  /** A gesture or animation has ended (the map redraws its country layer crisp then). */
  onEnd?: (transform: ZoomTransform) => void;
  /** Decides whether a wheel or pointer event may start zooming (embeds need a click first). */
  filter?: (event: Event) => boolean;
  /** Animation length in ms; 0 when the reader prefers reduced motion. */
  duration: () => number;
}

/** Attaches d3-zoom to the svg and returns the controls the buttons and fly-to use. */
export function attachZoom(target: Element, options: ZoomOptions): ZoomController {
  const { width, height } = options;
  const behaviour: ZoomBehavior<Element, unknown> = zoom<Element, unknown>()
    .scaleExtent([1, MAX_ZOOM])
    .extent([
      [0, 0],
      [width, height],
    ])
    .translateExtent([
      [0, 0],
      [width, height],
    ])
    .on('zoom', (event: { transform: ZoomTransform }) => options.onZoom(event.transform))
    .on('end', (event: { transform: ZoomTransform }) => options.onEnd?.(event.transform));
  if (options.filter) {
    const base = behaviour.filter();
    behaviour.filter(function (this: Element, event: Event) {
      return options.filter!(event) && base.call(this, event, undefined);
    });
  }
  const selection = select(target);
  selection.call(behaviour);
  behaviour.transform(
    selection,
    zoomIdentity.translate(options.initial.x, options.initial.y).scale(options.initial.k),
  );
  // Double-click zoom fights with double-clicking to select; the buttons and wheel cover it.
  selection.on('dblclick.zoom', null);

  const animated = () => selection.transition().duration(options.duration());
  return {
    zoomBy: (factor) => behaviour.scaleBy(animated(), factor),
    frame(box, padding = 40, instant = false) {
      const view = frameView(box, width, height, padding);
      const target = zoomIdentity.translate(view.x, view.y).scale(view.k);
      if (instant) behaviour.transform(selection, target);
      else behaviour.transform(animated(), target);
    },
    destroy() {
      selection.interrupt();
      selection.on('.zoom', null);
    },
  };
}
