/**
 * The classroom presentation: which step is showing, and what a step does to the map (its
 * date, highlights and where to fly). Every way of moving — keys, clicker, swipe, buttons, the
 * URL and the presenter's window — goes through `go()`.
 */
import type { AppState } from '../state/app.svelte';
import type { Step } from '../story/schema';
import { openChannel, type PresentChannel } from './channel';
import { stepActors, stepDay } from './steps';

export type StepSource = 'user' | 'remote' | 'route';

export class Presentation {
  readonly app: AppState;
  /** 0-based index of the step showing. */
  index = $state(0);
  /** The screen is blanked (B or .), as on a projector. */
  blank = $state(false);
  highContrast = $state(false);
  steps: Step[];
  step = $derived.by(() => this.steps[this.index] ?? null);
  #channel: PresentChannel | null = null;

  constructor(app: AppState) {
    this.app = app;
    this.steps = app.index.story.steps;
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

  /** Shows step `index` (clamped), applies it to the map and tells the other window. */
  go(index: number, source: StepSource = 'user'): void {
    if (this.steps.length === 0) return;
    const clamped = Math.max(0, Math.min(this.steps.length - 1, Math.round(index)));
    this.index = clamped;
    this.blank = false;
    this.apply(this.steps[clamped]!);
    if (source !== 'route' && typeof history !== 'undefined') {
      history.replaceState(
        history.state,
        '',
        `${location.pathname}${location.search}#/step/${clamped + 1}`,
      );
    }
    if (source !== 'remote') this.#channel?.post({ type: 'alliance-map:step', index: clamped });
  }

  next = () => this.go(this.index + 1);
  previous = () => this.go(this.index - 1);

  /** Sets the map's date, highlights the step's actors and relations and asks the map to frame
   * them (every actor of the step, both ends of each relation). */
  apply(step: Step): void {
    const { index } = this.app;
    const day = stepDay(index, step);
    if (day !== null) this.app.setDay(day);
    const actors = stepActors(index, step);
    this.app.highlight = { actors: new Set(actors), relations: new Set(step.relations) };
    this.app.frameRequest = { actors };
  }
}
