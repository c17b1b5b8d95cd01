/**
 * One draft open in the studio: its undo history, its checks, and its saving. Every edit goes
 * through `edit()`, which records it for undo and saves it to IndexedDB at once; saves are
 * queued so they land in order, and a save refused because another tab moved the draft on
 * stops saving here until the editor chooses which version to keep.
 */
import { getContext, setContext } from 'svelte';
import { getIn, setIn, type Doc, type Path } from './draft';
import { record, redo, start, undo, type History } from './history';
import { check, drawable } from './problems';
import { newDraftId, onSavedElsewhere, saveDraft, type Draft } from './store';

export type SaveState = 'saved' | 'saving' | 'conflict' | 'failed';
/** The lists of items the studio edits one at a time. */
export type ItemKind = 'actors' | 'relations' | 'events' | 'spans' | 'steps';
export type Tab = ItemKind | 'story' | 'suggestions' | 'problems' | 'publish';

export class Session {
  readonly id: string;
  history = $state.raw<History<Doc>>(start({} as Doc));
  doc = $derived(this.history.present);
  checked = $derived(check(this.doc));
  /** What the map draws: the story without its broken items. */
  shown = $derived(this.checked.story ?? drawable(this.doc));
  saveState = $state<SaveState>('saved');
  /** The other tab's version, when both edited the same draft. */
  theirs = $state.raw<Draft | null>(null);
  revision: number;
  tab = $state<Tab>('actors');
  /** The item being edited: selected text becomes its passage. */
  selected = $state.raw<{ kind: ItemKind; index: number } | null>(null);
  /** Suggestions the editor dropped (country ids, "A B" pairs). */
  dropped = $state.raw<Set<string>>(new Set());
  /** The document the stored draft holds (as far as this tab knows). */
  #savedDoc: Doc;
  #draining: Promise<void> | null = null;
  #stop: () => void;

  constructor(draft: Draft) {
    this.id = draft.id;
    this.revision = draft.revision;
    this.history = start(draft.doc);
    this.#savedDoc = draft.doc;
    const rescued = readRescue(draft.id);
    if (rescued && JSON.stringify(rescued) !== JSON.stringify(draft.doc)) {
      // Edits the last visit could not save: on top of the saved draft, so undo goes back to it.
      this.history = record(this.history, rescued, null, Date.now());
      this.#save();
    }
    if (typeof window !== 'undefined') addEventListener('pagehide', this.#rescue);
    this.#stop = onSavedElsewhere(({ id, revision }) => {
      if (id === this.id && revision > this.revision) {
        import('./store').then(async ({ loadDraft }) => {
          const stored = await loadDraft(this.id);
          if (stored && stored.revision > this.revision) {
            this.theirs = stored;
            this.saveState = 'conflict';
          }
        });
      }
    });
  }

  /** Sets the field at `path`; typing into one field is one undo step. */
  set(path: Path, value: unknown): void {
    if (getIn(this.doc, path) === value) return;
    this.commit(setIn(this.doc, path, value), path.join('.'));
  }

  /** Records a whole new document (an edit of several fields) as one undo step. */
  commit(doc: Doc, key: string | null = null): void {
    if (doc === this.doc) return;
    this.history = record(this.history, doc, key, Date.now());
    this.#save();
  }

  undo(): void {
    this.history = undo(this.history);
    this.#save();
  }

  redo(): void {
    this.history = redo(this.history);
    this.#save();
  }

  /** Keeps this tab's version: the other tab's is overwritten (it will be told). */
  keepMine(): void {
    if (!this.theirs) return;
    this.revision = this.theirs.revision;
    this.theirs = null;
    this.saveState = 'saved';
    this.#save();
  }

  /** Takes the other tab's version (an undo step, so it can be undone). */
  takeTheirs(): void {
    if (!this.theirs) return;
    const theirs = this.theirs;
    this.revision = theirs.revision;
    this.theirs = null;
    this.saveState = 'saved';
    this.#savedDoc = theirs.doc;
    this.history = record(this.history, theirs.doc, null, Date.now());
  }

  /**
   * Saves the newest document, then any newer one made meanwhile: keystrokes made during a save
   * are saved together after it, never queued one by one.
   */
  #save(): void {
    if (this.saveState === 'conflict') return;
    this.saveState = 'saving';
    if (!this.#draining) this.#draining = this.#drain().finally(() => (this.#draining = null));
  }

  async #drain(): Promise<void> {
    try {
      while (this.doc !== this.#savedDoc) {
        const doc = this.doc;
        const result = await saveDraft(this.id, doc, this.revision);
        if (!result.ok) {
          this.theirs = result.theirs;
          this.saveState = 'conflict';
          return;
        }
        this.revision = result.revision;
        this.#savedDoc = doc;
      }
      this.saveState = 'saved';
      if (typeof localStorage !== 'undefined') localStorage.removeItem(RESCUE + this.id);
    } catch {
      this.saveState = 'failed';
    }
  }

  /** Resolves once every edit so far is saved (or refused). */
  flushed(): Promise<void> {
    return this.#draining ?? Promise.resolve();
  }

  /**
   * When the page goes away (a reload, a closed tab) with an edit not yet saved, the document is
   * written to localStorage, which is synchronous; the next opening of the draft takes it back.
   */
  #rescue = () => {
    if (this.doc === this.#savedDoc || this.saveState === 'conflict') return;
    try {
      localStorage.setItem(RESCUE + this.id, JSON.stringify(this.doc));
    } catch {
      // Full or refused: IndexedDB holds the edit before this one.
    }
  };

  close(): void {
    if (typeof window !== 'undefined') removeEventListener('pagehide', this.#rescue);
    this.#stop();
  }
}

/** A new draft, saved at once so a reload finds it. */
export async function createDraft(doc: Doc): Promise<Draft> {
  const id = newDraftId();
  await saveDraft(id, doc, 0);
  return { id, doc, revision: 1, saved: Date.now() };
}

const RESCUE = 'alliance-map-studio-rescue:';

function readRescue(id: string): Doc | null {
  try {
    const text = localStorage.getItem(RESCUE + id);
    return text ? (JSON.parse(text) as Doc) : null;
  } catch {
    return null;
  }
}

const KEY = Symbol('studio');
export const setSession = (session: Session) => setContext(KEY, session);
export const getSession = () => getContext<Session>(KEY);
/** The context map that provides a session, for rendering a studio component on its own (tests). */
export const sessionContext = (session: Session) => new Map([[KEY, session]]);
