/**
 * The one state object every part of the page reads: the story, the mode, the "as of" day, the
 * selection and the presentation step. Clicks, keys, the address, the timeline and the
 * presentation all change it through its methods (`select()` for the selection), so there is one
 * way in for each action. Its methods only change state: the address (./address.svelte.ts)
 * follows the state into history, and the reading panel gives focus back when it closes.
 */
import { getContext, setContext } from 'svelte';
import { afterNextPaint } from '../ui/paint';
import type { Day } from '../core/story/dates';
import { exists, focusSet, sameTarget, type StoryIndex, type Target } from '../core/story/model';
import { isPresenting, type Mode, type View } from './route';
import { sceneAt } from '../core/map/scene';
import { clampToStory } from '../core/story/range';
import { formatHidden, parseHidden } from '../core/map/hidden';
import type { RelationTypeId } from '../core/story/schema';

export type SelectSource = 'user' | 'history';

export class AppState {
  /** The story, indexed. Replaced once, when a presentation's steps are loaded. */
  index: StoryIndex;
  /** Full page, embed, classroom presentation or the presenter's notes window. */
  mode = $state<Mode>('full');
  /** The map is drawn as of this day. */
  day = $state<Day>(0);
  selection = $state.raw<Target | null>(null);
  /** The presentation step showing, 0-based (present and presenter modes). */
  step = $state(0);
  /** What the pointer or focus is on, for the tooltip. */
  hovered = $state.raw<{ target: Target; x: number; y: number } | null>(null);
  /** A short message about something in the URL that was not found. */
  notice = $state('');
  /** The map has drawn its countries: what is not needed to see it may load now. */
  mapReady = $state(false);
  /** The whole-article view: the passage it highlights, '' for none, or null when it is closed. */
  articlePassage = $state<string | null>(null);
  /** What the map draws on the current day, derived once for every part of the page. */
  scene = $derived.by(() => sceneAt(this.index, this.day));
  /** Emphasis set by a presentation step, which overrides the selection's. */
  highlight = $state.raw<{ actors: Set<string>; relations: Set<string> } | null>(null);
  /**
   * The selection as the map emphasises it. It follows `selection` once the frame that answers
   * the click has been painted: the panel the reader asked for comes first, and restyling every
   * country to dim it comes a frame later, instead of delaying that first paint.
   */
  emphasized = $state.raw<Target | null>(null);
  /** Emphasis: what the step or selection touches stays bright, the rest dims. */
  focus = $derived.by(() => this.highlight ?? focusSet(this.index, this.emphasized));
  #emphasisPending = false;
  /** Relation types switched off in the map's key (`?hide=` in the URL). */
  hiddenTypes = $state.raw<ReadonlySet<RelationTypeId>>(new Set());
  /** The key entry under the pointer or focus: its lines stay bright, the rest fade. */
  keyHighlight = $state.raw<RelationTypeId | null>(null);
  /** Actors the map should fly to; a new object each time, so the same request can repeat. */
  frameRequest = $state.raw<{ actors: string[] } | null>(null);
  /** What the address holds of this state (./address.svelte.ts writes it into history). */
  view = $derived.by((): View => {
    const presenting = isPresenting(this.mode);
    return {
      mode: this.mode,
      // A step carries its date, and an event its own: the address names a day only when the
      // reader chose another.
      day: presenting || this.day === this.impliedDay(this.selection) ? null : this.day,
      selection: presenting ? null : this.selection,
      step: presenting ? this.step + 1 : null,
      hide: formatHidden(this.hiddenTypes).split(',').filter(Boolean),
    };
  });

  /** The story's own "as of" day, the default date of the map. */
  readonly storyDay: Day;
  /**
   * Whether this app owns the page's URL (hash, `?date=`, history, title). False inside the
   * `<alliance-map>` element, which must never touch its host page's address.
   */
  readonly routing: boolean;

  constructor(index: StoryIndex, mode: Mode, day: Day | null, options: { routing?: boolean } = {}) {
    this.index = $state.raw(index);
    this.mode = mode;
    this.routing = options.routing ?? true;
    this.storyDay = index.story.asOf.earliest;
    this.day = day ?? this.storyDay;
  }

  /** Shows the map as of another day. */
  setDay(day: Day): void {
    this.day = Math.round(day);
  }

  /** The day a selection shows without a date of its own: an event's, else the story's. */
  impliedDay(target: Target | null): Day {
    const event = target?.kind === 'event' ? this.index.events.get(target.id) : undefined;
    return event ? event.date.earliest : this.storyDay;
  }

  /**
   * Selects a target (or clears with null). An unknown target clears the selection with a
   * notice; an event also shows the map as of its date. The reader's own selections are ignored
   * while presenting, where the steps decide what is shown.
   */
  select(target: Target | null, source: SelectSource = 'user'): void {
    if (source === 'user' && isPresenting(this.mode)) return;
    if (target && !exists(this.index, target)) {
      this.addNotice(
        `No ${target.kind} “${target.id.slice(0, 60)}” in this story; showing the whole map.`,
      );
      target = null;
    } else if (source === 'user') {
      this.notice = '';
    }
    this.selection = target;
    this.#emphasizeAfterPaint();
    if (target?.kind === 'event') this.day = this.impliedDay(target);
  }

  /** Brings `emphasized` up to date after the next paint (at once where nothing paints). */
  #emphasizeAfterPaint(): void {
    if (this.#emphasisPending) return;
    this.#emphasisPending = true;
    afterNextPaint(() => {
      this.#emphasisPending = false;
      this.emphasized = this.selection;
    });
  }

  /** Closes the panel and the article (the panel gives focus back to what opened it). */
  close(): void {
    this.select(null);
    this.articlePassage = null;
  }

  /** Switches mode; leaving the presentation takes its emphasis away with it. */
  setMode(mode: Mode): void {
    if (isPresenting(this.mode) && !isPresenting(mode)) this.highlight = null;
    if (isPresenting(mode)) {
      this.select(null, 'history');
      this.articlePassage = null;
    }
    this.mode = mode;
  }

  /**
   * Shows presentation step `index` (0-based, clamped): its date, its actors and relations
   * emphasised, and the map asked to fly to them.
   */
  showStep(index: number): void {
    const steps = this.index.story.steps;
    if (steps.length === 0) return;
    this.step = Math.max(0, Math.min(steps.length - 1, Math.round(index)));
    const step = steps[this.step]!;
    const event = step.event ? this.index.events.get(step.event) : undefined;
    const date = step.date ?? event?.date;
    if (date) this.setDay(date.earliest);
    const actors = new Set(step.actors);
    const relations = new Set(step.relations);
    for (const id of step.relations) {
      const relation = this.index.relations.get(id);
      if (relation) for (const side of relation.sides) actors.add(side);
    }
    this.highlight = { actors, relations };
    this.frameRequest = { actors: [...actors] };
  }

  /** Switches a relation type of the key off, or back on; the address keeps it. */
  toggleHidden(type: RelationTypeId): void {
    const next = new Set(this.hiddenTypes);
    if (!next.delete(type)) next.add(type);
    this.hiddenTypes = next;
  }

  /**
   * Shows the view an address names (on load, and on Back and Forward): mode, selection or step,
   * day and hidden key categories, exactly as they were.
   */
  applyView(view: View): void {
    this.setMode(view.mode);
    const { hidden, unknown } = parseHidden(view.hide.join(',') || null);
    this.hiddenTypes = hidden;
    if (unknown.length)
      this.addNotice(`No relation type “${unknown.join(', ').slice(0, 60)}” to hide.`);
    if (isPresenting(view.mode)) {
      const count = this.index.story.steps.length;
      const wanted = view.step ?? 1;
      if (count > 0 && (wanted < 1 || wanted > count)) {
        this.addNotice(
          `There is no step ${wanted}; this presentation has ${count} steps. Showing step ${wanted < 1 ? 1 : count}.`,
        );
      }
      this.showStep(wanted - 1);
    } else {
      this.select(view.selection, 'history');
    }
    if (view.day !== null) {
      // A date far outside the story (?date=0000-01-01) shows its first or last day instead.
      const clamped = clampToStory(view.day, this.index.story);
      if (clamped.notice) this.addNotice(clamped.notice);
      this.setDay(clamped.day ?? view.day);
    } else if (!isPresenting(view.mode)) this.day = this.impliedDay(this.selection);
  }

  /** Adds to the notice rather than replacing it: a URL can hold several unknown things. */
  addNotice(message: string): void {
    this.notice = this.notice.includes(message)
      ? this.notice
      : [this.notice, message].filter(Boolean).join(' ');
  }

  isSelected(target: Target): boolean {
    return sameTarget(this.selection, target);
  }

  /**
   * Whether the map shows `target` as the selection: like the emphasis, a frame after the
   * panel, so that restyling the map's markers and lines does not delay the panel's answer.
   */
  isEmphasized(target: Target): boolean {
    return sameTarget(this.emphasized, target);
  }
}

const KEY = Symbol('alliance-map');

export function setAppState(state: AppState): AppState {
  return setContext(KEY, state);
}

export function getAppState(): AppState {
  return getContext<AppState>(KEY);
}

/** The context map that provides the state, for rendering a component on its own (tests, embeds). */
export function appContext(state: AppState): Map<symbol, AppState> {
  return new Map([[KEY, state]]);
}
