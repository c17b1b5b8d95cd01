/**
 * Cooperative gestures for a map inside an article: it must never trap the reader's scrolling.
 * A wheel zooms only once the map has been clicked or focused, or with Ctrl/⌘ held; on touch,
 * one finger scrolls the page and two fingers move the map. Pure rules, so the table of cases
 * is unit-tested; WorldMap applies them to d3-zoom's filter and shows the hint.
 */

export const WHEEL_HINT = 'Click the map or hold Ctrl/⌘ to zoom';
export const TOUCH_HINT = 'Use two fingers to move the map';

export interface GestureRules {
  /** A wheel zooms at once, even over a map the reader has not engaged with (the full page). */
  greedyWheel: boolean;
  /** One finger pans the map (the full page); false leaves one finger to scroll the page. */
  greedyTouch: boolean;
  /** The reader has clicked or focused the map and not left it since. */
  engaged: boolean;
}

/** The parts of a wheel, touch or pointer event the rules look at. */
export interface GestureEvent {
  type: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  touches?: { length: number };
}

/**
 * Whether d3-zoom may take this event. A touch is taken once a second finger is down: d3-zoom
 * then pairs every finger on the screen, so a pinch works even when the first finger landed
 * alone and was left to the page.
 */
export function mayZoom(event: GestureEvent, rules: GestureRules): boolean {
  if (event.type === 'wheel')
    return rules.greedyWheel || rules.engaged || Boolean(event.ctrlKey || event.metaKey);
  if (event.type === 'touchstart') return rules.greedyTouch || (event.touches?.length ?? 0) >= 2;
  return true;
}

/** What to tell the reader when the map lets a gesture through to the page, or null. */
export function declinedHint(event: GestureEvent, rules: GestureRules): string | null {
  if (event.type === 'wheel') return mayZoom(event, rules) ? null : WHEEL_HINT;
  if (event.type === 'touchmove' && !rules.greedyTouch && event.touches?.length === 1)
    return TOUCH_HINT;
  return null;
}
