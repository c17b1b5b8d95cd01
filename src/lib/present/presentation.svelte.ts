/**
 * The classroom presentation: which step is showing, the blank screen and high contrast, and the
 * other window (projector or presenter) kept on the same step. Every way of moving — keys,
 * clicker, swipe, buttons and the other window — goes through `go()`; the step itself is app
 * state (`AppState.showStep`), so the address keeps it and Back and Forward restore it.
 */
import type { AppState } from '../state/app.svelte';
import { openChannel, type PresentChannel } from './channel';
import type { PresentAction } from './keys';

export type StepSource = 'user' | 'remote';

export class Presentation {
  readonly app: AppState;
  /** The screen is blanked (B or .), as on a projector. */
  blank = $state(false);
  highContrast = $state(false);
  #channel: PresentChannel | null = null;

  constructor(app: AppState) {
    this.app = app;
  }

  /** 0-based index of the step showing. */
  get index(): number {
    return this.app.step;
  }

  get steps() {
    return this.app.index.story.steps;
  }

  get step() {
    return this.steps[this.app.step] ?? null;
  }

  /** Listens to the other window; call `disconnect` when leaving. */
  connect(): void {
    this.#channel = openChannel(this.app.index.story.id, (message) => {
      if (message.type === 'alliance-map:step') this.go(message.index, 'remote');
      else this.#channel?.post({ type: 'alliance-map:step', index: this.index });
    });
    this.#channel.post({ type: 'alliance-map:hello' });
  }

  disconnect(): void {
    this.#channel?.close();
    this.#channel = null;
  }

  /** Shows step `index` (clamped) and tells the other window, unless it came from there. */
  go(index: number, source: StepSource = 'user'): void {
    if (this.steps.length === 0) return;
    this.app.showStep(index);
    this.blank = false;
    if (source !== 'remote') this.#channel?.post({ type: 'alliance-map:step', index: this.index });
  }

  next = () => this.go(this.index + 1);
  previous = () => this.go(this.index - 1);

  /**
   * Does what a key or clicker asks that both windows share (moving and blanking); returns
   * false for the actions the projector's window handles itself (full screen, notes, leaving).
   */
  perform(action: PresentAction): boolean {
    if (action === 'next') this.next();
    else if (action === 'previous') this.previous();
    else if (action === 'first') this.go(0);
    else if (action === 'last') this.go(this.steps.length - 1);
    else if (action === 'blank') this.blank = !this.blank;
    else return false;
    return true;
  }
}
