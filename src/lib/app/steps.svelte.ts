/**
 * The presentation's steps, which a story may keep in a file of their own: fetched the first
 * time someone presents, validated with the story, and put into the app state's index.
 */
import { loadPresentation, type ArticleLoader, type LoadResult } from '../core/story/load';
import { indexStory } from '../core/story/model';
import type { AppState } from '../state/app.svelte';

export class PresentationSteps {
  /** The file is being fetched. */
  loading = $state(false);

  constructor(
    private readonly app: AppState,
    /** The story's slug, its article (fetched with the story's reading texts) and where `stories/` lives. */
    private readonly story: { slug: string; article: ArticleLoader; base: string },
  ) {}

  /** The story has a presentation, loaded already or in its own file. */
  get available(): boolean {
    const { story } = this.app.index;
    return story.steps.length > 0 || story.presentation !== undefined;
  }

  /** Fetches the steps, the first time they are needed; false if they failed (with a notice). */
  async load(): Promise<boolean> {
    const { app } = this;
    if (app.index.story.steps.length > 0 || !app.index.story.presentation) return true;
    if (this.loading) return false;
    this.loading = true;
    const { slug, article, base } = this.story;
    // The whole story is validated again with its steps: its reading texts must be in it.
    const result = await article().then(
      (text) => loadPresentation(slug, app.index.story, text, base),
      (error: Error): LoadResult => ({
        ok: false,
        errors: [{ where: `stories/${slug}.json`, message: error.message }],
      }),
    );
    this.loading = false;
    if (!result.ok) {
      const [first] = result.errors;
      app.addNotice(
        `The presentation could not be loaded: ${first ? `${first.where}: ${first.message}` : 'unknown error'}.`,
      );
      return false;
    }
    app.index = indexStory(result.story);
    return true;
  }
}
