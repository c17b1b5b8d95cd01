/**
 * The keys a clicker or presenter sends, mapped to presentation actions (as reveal.js and
 * PowerPoint do). Pure, so the table is unit-tested.
 */
export type PresentAction =
  'next' | 'previous' | 'first' | 'last' | 'blank' | 'fullscreen' | 'exit' | 'notes';

const KEYS: Record<string, PresentAction> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ' ': 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  b: 'blank',
  B: 'blank',
  '.': 'blank',
  f: 'fullscreen',
  F: 'fullscreen',
  Escape: 'exit',
  s: 'notes',
  S: 'notes',
};

/** The action for a key press, or null; keys with Ctrl, ⌘ or Alt belong to the browser. */
export function presentAction(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): PresentAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === ' ' && event.shiftKey) return 'previous';
  return KEYS[event.key] ?? null;
}

/**
 * The action for a key press in either presentation window, or null: keys typed into a field
 * are the field's, and buttons keep Space and Enter for themselves (a clicker sends arrows and
 * PageUp/Down).
 */
export function presentKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>,
): PresentAction | null {
  const target = event.target as Element | null;
  if (typeof target?.closest !== 'function') return presentAction(event);
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return null;
  if (target.closest('button') && (event.key === ' ' || event.key === 'Enter')) return null;
  return presentAction(event);
}

/** A horizontal swipe: left goes on, right goes back; short or mostly vertical moves are not swipes. */
export function swipeAction(dx: number, dy: number, minDistance = 60): 'next' | 'previous' | null {
  if (Math.abs(dx) < minDistance || Math.abs(dx) < Math.abs(dy) * 1.5) return null;
  return dx < 0 ? 'next' : 'previous';
}
