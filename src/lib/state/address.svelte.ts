/**
 * The one owner of the address: it shows the view the address names when the page opens and on
 * Back and Forward, and follows the app state into history. Nothing else reads or writes the
 * URL, the history or the page's title.
 *
 * It writes at most once per `MIN_GAP_MS`, and a change of date, step or key only once it has
 * settled: a slider dragged or held down writes once, where browsers limit writes and Safari
 * refuses a hundred in half a minute. Which changes make a new history entry and which rewrite
 * the current one is `historyWrite`'s rule. Inside the `<alliance-map>` element the history
 * is a `memoryHistory`: the host page's address is never touched.
 */
import { getContext, setContext, untrack } from 'svelte';
import type { AppState } from './app.svelte';
import { formatDeck, formatView, historyWrite, parseView, sameView, type View } from './route';
import { sameTarget, targetTitle } from '../core/story/model';
import { afterNextPaint } from '../ui/paint';

/** At most one history write in this time. */
export const MIN_GAP_MS = 250;
/** A date, step or key change is written once it has not changed for this long. */
export const SETTLE_MS = 300;

/** The browser's address and history, or a stand-in that keeps them in memory. */
export interface HistoryPort {
  /** The current address: query and hash (`?date=…#/actor/RUS`). */
  read(): { search: string; hash: string };
  /** The whole URL of an address (query and hash), to open in another window. */
  href(address: string): string;
  write(address: string, how: 'push' | 'replace'): void;
  /** Calls `onPop` when the reader goes back or forward; returns the function that stops it. */
  listen(onPop: () => void): () => void;
  title(text: string): void;
}

/** The page's own address (`location`, `history`, `document.title`). */
export function browserHistory(): HistoryPort {
  return {
    read: () => ({ search: location.search, hash: location.hash }),
    href: (address) => new URL(`${location.pathname}${address}`, location.href).href,
    write(address, how) {
      const url = `${location.pathname}${address}`;
      if (how === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    },
    listen(onPop) {
      // popstate covers back/forward and hand-edited hashes alike (hashchange would apply twice).
      addEventListener('popstate', onPop);
      return () => removeEventListener('popstate', onPop);
    },
    title: (text) => void (document.title = text),
  };
}

/** A history that lives in memory: the element's (and the unit tests'), with Back and Forward. */
export class MemoryHistory implements HistoryPort {
  entries: string[];
  at = 0;
  /** Every write, for tests that count them. */
  writes: { address: string; how: 'push' | 'replace' }[] = [];
  #listeners = new Set<() => void>();

  constructor(address = '') {
    this.entries = [address];
  }

  read() {
    const address = this.entries[this.at] ?? '';
    const hashAt = address.indexOf('#');
    return hashAt < 0
      ? { search: address, hash: '' }
      : { search: address.slice(0, hashAt), hash: address.slice(hashAt) };
  }

  href(address: string) {
    return address;
  }

  write(address: string, how: 'push' | 'replace') {
    this.writes.push({ address, how });
    if (how === 'push') {
      this.entries.splice(this.at + 1, Infinity, address);
      this.at++;
    } else this.entries[this.at] = address;
  }

  listen(onPop: () => void) {
    this.#listeners.add(onPop);
    return () => void this.#listeners.delete(onPop);
  }

  title() {}

  go(delta: number) {
    const at = this.at + delta;
    if (at < 0 || at >= this.entries.length) return;
    this.at = at;
    for (const listener of this.#listeners) listener();
  }
}

export class Address {
  readonly #app: AppState;
  readonly #port: HistoryPort;
  /** The view of the current history entry. */
  #written: View;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #promptPending = false;
  #lastWrite = -Infinity;

  constructor(app: AppState, port: HistoryPort) {
    this.#app = app;
    this.#port = port;
    this.#written = app.view;
  }

  /** Shows the view the address names (on load, and on Back and Forward). */
  read(): void {
    this.#cancel();
    const { search, hash } = this.#port.read();
    const { view, notices } = parseView(search, hash);
    this.#app.applyView(view);
    for (const notice of notices) this.#app.addNotice(notice);
    this.#written = this.#app.view;
  }

  /**
   * Call after the state changed: schedules the history write it needs. Another selection or
   * mode is written after a frame; a date, step or key once it has settled; none sooner than
   * `MIN_GAP_MS` after the last.
   */
  sync(now = Date.now()): void {
    const view = this.#app.view;
    const how = historyWrite(this.#written, view);
    if (how === null) return this.#cancel();
    const settles =
      view.mode === this.#written.mode && sameTarget(view.selection, this.#written.selection);
    // A new entry is on its way, and will hold this change too.
    if (this.#timer !== null && this.#promptPending) return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#promptPending = !settles;
    const gap = Math.max(0, this.#lastWrite + MIN_GAP_MS - now);
    this.#timer = setTimeout(() => this.flush(), Math.max(gap, settles ? SETTLE_MS : 16));
  }

  /** Writes the state's view into history now, if it differs from the current entry's. */
  flush(now = Date.now()): void {
    this.#cancel();
    const view = this.#app.view;
    const how = historyWrite(this.#written, view);
    if (how === null) return;
    this.#port.write(formatView(view, this.#port.read().search), how);
    this.#written = view;
    this.#lastWrite = now;
  }

  #cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#promptPending = false;
  }

  /** The URL of this page showing another view (the presenter's window, say). */
  href(view: View): string {
    return this.#port.href(formatView(view, this.#port.read().search));
  }

  /** The URL of this presentation as a deck of pages to print, to open in another tab. */
  deckHref(): string {
    return this.#port.href(formatDeck(this.#port.read().search));
  }

  /** Keeps state and history in step (after `read()`) until the returned function runs. */
  start(): () => void {
    const stopListening = this.#port.listen(() => this.read());
    const stopEffects = $effect.root(() => {
      $effect(() => {
        const view = this.#app.view;
        // Once the frame answering the change is painted: the click's own task and frame
        // neither format the address nor arm its timer (a write is no sooner than that anyway).
        if (!sameView(view, this.#written)) return afterNextPaint(() => untrack(() => this.sync()));
      });
      $effect(() => {
        // A frame after the click: the title is not what the reader waits for.
        const { emphasized, index } = this.#app;
        const title = index.story.title;
        this.#port.title(emphasized ? `${targetTitle(index, emphasized)} · ${title}` : title);
      });
    });
    return () => {
      stopListening();
      stopEffects();
      this.#cancel();
    };
  }
}

const KEY = Symbol('alliance-map-address');

export function setAddress(address: Address): Address {
  return setContext(KEY, address);
}

export function getAddress(): Address {
  return getContext<Address>(KEY);
}
