/**
 * Drafts kept in the browser's IndexedDB (through idb-keyval), saved on every edit. Each save
 * carries the revision it was based on: if another tab saved the same draft meanwhile, the save
 * is refused rather than silently overwriting it, and the other tabs hear about every save over a
 * BroadcastChannel.
 */
import { createStore, del, update, values, get, type UseStore } from 'idb-keyval';
import type { Doc } from './draft';

export interface Draft {
  id: string;
  doc: Doc;
  /** Counts saves; a save based on an older revision than the stored one is a conflict. */
  revision: number;
  /** When it was last saved (ms since 1970). */
  saved: number;
}

export type SaveResult = { ok: true; revision: number } | { ok: false; theirs: Draft };

let db: UseStore | null = null;
function store(): UseStore {
  return (db ??= createStore('alliance-map-studio', 'drafts'));
}

/** Saves `doc` as the revision after `base`, unless the stored draft has moved past `base`. */
export async function saveDraft(id: string, doc: Doc, base: number): Promise<SaveResult> {
  let theirs: Draft | null = null;
  const next: Draft = { id, doc, revision: base + 1, saved: Date.now() };
  await update<Draft>(
    id,
    (old) => {
      if (old && old.revision !== base) {
        theirs = old;
        return old;
      }
      return next;
    },
    store(),
  );
  if (theirs) return { ok: false, theirs };
  announce({ id, revision: next.revision });
  return { ok: true, revision: next.revision };
}

export function loadDraft(id: string): Promise<Draft | undefined> {
  return get<Draft>(id, store());
}

/** Every draft, the most recently saved first. */
export async function listDrafts(): Promise<Draft[]> {
  const all = await values<Draft>(store());
  return all.sort((a, b) => b.saved - a.saved);
}

export function deleteDraft(id: string): Promise<void> {
  return del(id, store());
}

/** A new draft id: unique per browser, readable in the address. */
export function newDraftId(): string {
  return `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const CHANNEL = 'alliance-map-studio';
type Saved = { id: string; revision: number };

function announce(message: Saved): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(message);
  channel.close();
}

/** Calls `listener` when another tab saves a draft; returns the function that stops listening. */
export function onSavedElsewhere(listener: (message: Saved) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<Saved>) => listener(event.data);
  return () => channel.close();
}
