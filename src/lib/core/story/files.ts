/** The names of the files next to a story: its article (.txt) and its presentation (.json). */
export const ARTICLE_FILE = /^[a-z0-9][a-z0-9._-]*\.txt$/;
export const PRESENTATION_FILE = /^[a-z0-9][a-z0-9._-]*\.json$/;
