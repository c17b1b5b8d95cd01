/**
 * The presentation's steps, which a story may keep in a file of their own: fetched the first
 * time someone presents, validated with the story, and put into the app state's index.
 */
import { loadPresentation } from '../core/story/load';
import { indexStory } from '../core/story/model';
import type { AppState } from '../state/app.svelte';

export class PresentationSteps {
  /** The file is being fetched. */
  loading = $state(false);

  constructor(
    private readonly app: AppState,
    /** The story's slug, its article and where `stories/` lives. */
    private readonly story: { slug: string; article: string; base: string },
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
    const result = await loadPresentation(slug, app.index.story, article, base);
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
