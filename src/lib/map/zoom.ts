/**
 * The one zoom module: wheel, drag, pinch, the +/−/reset buttons and fly-to all go through the
 * d3-zoom behaviour attached here, so they share one transform and one set of limits. It is
 * attached once; a resize updates its extent instead of attaching it again.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { Box } from '../core/map/layout';
import type { Point } from '../core/map/geo';
import { clampView, frameView, MAX_ZOOM, type Limits, type View } from '../core/map/view';
import type { Padding } from '../core/map/framing';

export interface ZoomController {
  /** Zooms by `factor`, keeping the screen point `towards` where it is (the centre by default). */
  zoomBy(factor: number, towards?: Point): void;
  /** Frames a box in untransformed map coordinates (padding in pixels), animated unless `instant`. */
  /** Frames a box, in the map's top `room` px when something covers its foot (a phone's sheet). */
  frame(
    box: Box,
    padding?: number | Padding,
    options?: { instant?: boolean; maxK?: number; room?: number },
  ): void;
  /** Back to the story's own frame (k = 1). */
  reset(): void;
  /** Follows a new size of the map: the extent and limits change, the behaviour stays. */
  resize(width: number, height: number, limits: Limits): void;
  /** Resolves once no gesture or animation is running (at once when none is). */
  settled(): Promise<void>;
  destroy(): void;
}

export interface ZoomOptions {
  width: number;
  height: number;
  limits: Limits;
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

/** Attaches d3-zoom to the element and returns the controls the buttons and fly-to use. */
export function attachZoom(target: Element, options: ZoomOptions): ZoomController {
  let { width, height, limits } = options;
  let moving = false;
  let waiting: (() => void)[] = [];
  /** The scale the latest animation heads for, while it runs or waits to start. */
  let aim: number | null = null;
  let latest: object | null = null;
  /** The size changed while the map moved: the view is fitted to it once the movement ends. */
  let refit = false;
  const behaviour: ZoomBehavior<Element, unknown> = zoom<Element, unknown>()
    .on('start', () => (moving = true))
    .on('zoom', (event: { transform: ZoomTransform }) => options.onZoom(event.transform))
    .on('end', (event: { transform: ZoomTransform }) => {
      moving = false;
      options.onEnd?.(event.transform);
      // Fitting to a new size moves the map once more; its own end settles those waiting.
      if (refit && aim === null) return fit();
      const resolve = waiting;
      waiting = [];
      resolve.forEach((r) => r());
    });
  const setLimits = () =>
    behaviour
      .scaleExtent([limits.minK, MAX_ZOOM])
      .extent([
        [0, 0],
        [width, height],
      ])
      .translateExtent(limits.extent);
  setLimits();
  if (options.filter) {
    const base = behaviour.filter();
    behaviour.filter(function (this: Element, event: Event) {
      return options.filter!(event) && base.call(this, event, undefined);
    });
  }
  const selection = select(target);
  selection.call(behaviour);
  const toTransform = (v: View) => zoomIdentity.translate(v.x, v.y).scale(v.k);
  behaviour.transform(selection, toTransform(options.initial));
  // Double-click zoom fights with double-clicking to select; the buttons and wheel cover it.
  selection.on('dblclick.zoom', null);

  const current = () => (target as Element & { __zoom?: ZoomTransform }).__zoom ?? zoomIdentity;
  /** Keeps the view inside the current limits (without interrupting anything: call when still). */
  const fit = () => {
    refit = false;
    behaviour.transform(selection, toTransform(clampView(current(), width, height, limits)));
  };
  /** An animation towards scale `k`; `aim` holds k until it ends, is interrupted or replaced. */
  const animated = (k: number) => {
    const flight = selection.transition().duration(options.duration());
    const token = {};
    latest = token;
    aim = k;
    flight.on('end.aim interrupt.aim cancel.aim', () => {
      if (latest === token) aim = latest = null;
    });
    return flight;
  };
  const go = (view: View, instant = false) => {
    if (instant || options.duration() === 0) behaviour.transform(selection, toTransform(view));
    else behaviour.transform(animated(view.k), toTransform(view));
  };
  return {
    zoomBy(factor, towards) {
      // A press during a zoom's animation goes on from where that animation is heading, so two
      // quick presses zoom twice as far as one, as they do once each has ended.
      const k = Math.max(limits.minK, Math.min(MAX_ZOOM, (aim ?? current().k) * factor));
      if (options.duration() === 0) behaviour.scaleTo(selection, k, towards);
      else behaviour.scaleTo(animated(k), k, towards);
    },
    frame(box, padding = 40, { instant = false, maxK, room = height } = {}) {
      go(frameView(box, width, Math.min(height, room), padding, limits, maxK), instant);
    },
    reset: () => go({ k: 1, x: 0, y: 0 }),
    resize(w, h, next) {
      width = w;
      height = h;
      limits = next;
      setLimits();
      // Fitting the view now would interrupt a zoom under way and leave it part way.
      if (moving || aim !== null) refit = true;
      else fit();
    },
    settled: () => (moving ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve()),
    destroy() {
      selection.interrupt();
      selection.on('.zoom', null);
      waiting.forEach((r) => r());
    },
  };
}
