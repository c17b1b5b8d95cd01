/**
 * The one state object every part of the page reads: the story, the "as of" day and the
 * selection. Clicks, keys, the URL hash and (later) timeline and presentation all select through
 * `select()`, so there is one way in for each action.
 */
import { getContext, setContext } from 'svelte';
import { afterNextPaint } from '../ui/paint';
import type { Day } from '../story/dates';
import { exists, focusSet, sameTarget, type StoryIndex, type Target } from '../story/model';
import { formatHash, type Mode, type Route } from './route';
import { sceneAt } from '../map/scene';
import type { RelationTypeId } from '../story/schema';

export type SelectSource = 'user' | 'history';

export class AppState {
  /** The story, indexed. Replaced once, when a presentation's steps are loaded. */
  index: StoryIndex;
  /** Full page, embed, classroom presentation or the presenter's notes window. */
  mode = $state<Mode>('full');
  /** The map is drawn as of this day. */
  day = $state<Day>(0);
  selection = $state.raw<Target | null>(null);
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

  /** The control that opened the panel, to give focus back when it closes. */
  #opener: HTMLElement | null = null;

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

  /** Selects a target (or clears with null). User selections become a history entry. */
  select(target: Target | null, source: SelectSource = 'user'): void {
    // A presentation shows its steps; clicks on the map do not open panels there.
    if (source === 'user' && (this.mode === 'present' || this.mode === 'presenter')) return;
    if (target && !exists(this.index, target)) {
      this.addNotice(
        `No ${target.kind} “${target.id.slice(0, 60)}” in this story; showing the whole map.`,
      );
      target = null;
    } else if (source === 'user') {
      this.notice = '';
    }
    if (source === 'user' && target) {
      let active = typeof document !== 'undefined' ? document.activeElement : null;
      // Inside the element's shadow root the document only sees the host element.
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (active instanceof HTMLElement || active instanceof SVGElement)
        this.#opener = active as HTMLElement;
    }
    const same = sameTarget(this.selection, target);
    this.selection = target;
    this.#emphasizeAfterPaint();
    // An event carries its date: choosing it shows the map as it was that day.
    if (target?.kind === 'event') {
      const event = this.index.events.get(target.id);
      if (event) this.day = event.date.earliest;
    }
    if (source === 'user' && !same && this.routing && typeof history !== 'undefined') {
      const hash = formatHash(target);
      const embed = this.mode === 'embed';
      // The address follows once the panel is painted (writing history is not free, and nobody
      // reads the address bar in the frame after a click).
      afterNextPaint(() => {
        const url = `${location.pathname}${location.search}${hash}`;
        // In an article's iframe, selections must not pile up in the reader's back button.
        if (embed) history.replaceState(null, '', url);
        else history.pushState(null, '', url);
      });
    }
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

  /** Closes the panel and returns focus to what opened it. */
  close(): void {
    const opener = this.#opener;
    this.select(null);
    this.articlePassage = null;
    if (opener?.isConnected) opener.focus();
    this.#opener = null;
  }

  /** Applies the URL hash (on load and on back/forward). */
  applyRoute(route: Route): void {
    if (route.kind === 'target') this.select(route.target, 'history');
    else if (route.kind === 'none') this.select(null, 'history');
    else if (route.kind === 'unknown') {
      this.select(null, 'history');
      this.addNotice(
        `The link “#${route.hash.slice(0, 60)}” does not match anything in this story; showing the whole map.`,
      );
    }
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
