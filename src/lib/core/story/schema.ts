/**
 * The shape of a story file (`static/stories/<slug>.json`).
 *
 * The schema is the single source of truth: the TypeScript types below are inferred from it,
 * so the validator and the code that reads a story cannot drift apart. Cross-references
 * (unknown actor ids, quotes missing from the article, bad intervals) are checked afterwards
 * by `checkStory` in `validate.ts`, because they need the whole story and its article.
 */
import * as v from 'valibot';
import { PARTIAL_DATE, parseDate, type StoryDate } from './dates';
import { ARTICLE_FILE, PRESENTATION_FILE } from './files';

export { PARTIAL_DATE };

/**
 * A date as written: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an uncertain date written as an
 * ISO 8601 interval `earliest/latest` (`1995/1996-09-10`: sources disagree, somewhere in that
 * range). The JSON form of a story date (what a story file holds).
 */
export const DateText = v.pipe(
  v.string(),
  v.check(
    (s) => s.split('/').length <= 2 && s.split('/').every((part) => PARTIAL_DATE.test(part)),
    'must be a date YYYY, YYYY-MM or YYYY-MM-DD, or a range earliest/latest',
  ),
);

/** A story date, parsed once when the story loads into a `StoryDate` that keeps its precision. */
export const DateSpec = v.pipe(
  DateText,
  v.rawTransform(({ dataset, addIssue, NEVER }): StoryDate => {
    const parsed = parseDate(dataset.value);
    if (parsed) return parsed;
    addIssue({ message: `impossible date "${dataset.value}"` });
    return NEVER;
  }),
);

const Id = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be letters, digits, "-" or "_"'),
  v.maxLength(64),
);
/** Files next to the story (in files.ts, which the loader reads without the schema). */
export { ARTICLE_FILE, PRESENTATION_FILE };
const Text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(2000));
const Color = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c'));
const LonLat = v.tuple([
  v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
]);
const IdList = v.array(Id);

/** Where a claim comes from when it is not the article: a short label and, if any, a link. */
export const SourceSchema = v.object({
  id: Id,
  label: Text,
  url: v.optional(v.pipe(v.string(), v.url())),
});

/** A verbatim quotation from the article; `note` points at a correction shown beside it. */
export const PassageSchema = v.object({
  id: Id,
  quote: Text,
  notes: v.optional(IdList, []),
});

/** Where the article simplifies or sources differ: shown beside the passage or event. */
export const NoteSchema = v.object({
  id: Id,
  text: Text,
  sources: v.pipe(IdList, v.minLength(1, 'a note must cite at least one source')),
});

/** A colour class for actors: the pact's parties, the Western alliance, ... */
export const RoleSchema = v.object({
  id: Id,
  label: Text,
  description: v.optional(Text),
  color: Color,
  /**
   * Groups whose members hold this role while they are members, unless they have a role of their
   * own on that date (NATO's members: "The US and NATO"), so membership dates are written once.
   */
  groups: v.optional(IdList, []),
});

export const ActorKind = v.picklist(['country', 'group', 'organization', 'historical']);

/** Membership of a group over time (NATO joins, for instance). */
export const MembershipSchema = v.object({
  actor: Id,
  from: DateSpec,
  to: v.optional(DateSpec),
});

/** The actor's role over one stretch of time (from inclusive, to exclusive; open where absent). */
export const RolePeriodSchema = v.object({
  role: Id,
  from: v.optional(DateSpec),
  to: v.optional(DateSpec),
});

export const ActorSchema = v.object({
  id: Id,
  name: Text,
  /** A shorter name for the map where the full one does not fit ("N. Korea"). */
  shortName: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(24))),
  /** Longer or official name, shown in the panel. */
  officialName: v.optional(Text),
  kind: ActorKind,
  /** The actor's role at every date; or give `roles` when it changed (one of the two). */
  role: v.optional(Id),
  /** The actor's roles over time (Poland: Warsaw Pact, then NATO). No role on a date: neutral. */
  roles: v.optional(v.array(RolePeriodSchema), []),
  /** Words that name this actor in the article ("Pyongyang", "Kim Jong Un"), highlighted in passages. */
  aliases: v.optional(v.array(Text), []),
  /** ISO 3166-1 numeric codes of the map features this actor covers (a historical state: several). */
  features: v.optional(
    v.array(v.pipe(v.string(), v.regex(/^\d{3}$/, 'must be a 3-digit ISO numeric code'))),
    [],
  ),
  /** Where the marker sits and arcs start: usually the capital. */
  anchor: LonLat,
  /** Label for the anchor ("Moscow"). */
  anchorLabel: v.optional(Text),
  /** When the actor existed (the Soviet Union: 1922 to 1991-12-26). */
  exists: v.optional(v.object({ from: v.optional(DateSpec), to: v.optional(DateSpec) }), {}),
  /** The actor that takes over its relations after it ceases to exist. */
  successor: v.optional(Id),
  members: v.optional(v.array(MembershipSchema), []),
  passages: v.optional(IdList, []),
  notes: v.optional(IdList, []),
  summary: v.optional(Text),
});

export const RelationType = v.picklist([
  'mutual-defence',
  'strategic-partnership',
  'arms-transfer',
  'support',
  'sanctions',
  'drills-tension',
  'alignment',
  'war',
  'criticism',
]);

/**
 * `signed`: signed, not yet in force; `planned`: announced, not yet begun. `alleged`, `denied`
 * and `reported` are unverified (drawn dashed).
 */
export const RelationStatus = v.picklist([
  'in-force',
  'signed',
  'planned',
  'lapsed',
  'alleged',
  'denied',
  'reported',
]);

/** One stretch of a relation's life: from `from` (inclusive) to `to` (exclusive, open if absent). */
export const PeriodSchema = v.object({
  from: DateSpec,
  to: v.optional(DateSpec),
  status: RelationStatus,
});

const RelationFields = v.object({
  id: Id,
  type: RelationType,
  /** Short label: "mutual assistance treaty", "alleged arms transfers". */
  label: Text,
  /** A relation between two sides: `from` and `to` (for a directed one, from acts on to). */
  from: v.optional(Id),
  to: v.optional(Id),
  /**
   * Or every side, for a relation of two or more (trilateral drills, a three-party pact): one
   * relation, drawn, listed and announced as one. A directed relation has exactly two, from first.
   */
  sides: v.optional(v.array(Id)),
  directed: v.boolean(),
  /** Status over time; the last period may stay open. Before the first, the relation did not exist. */
  periods: v.pipe(v.array(PeriodSchema), v.minLength(1, 'a relation needs at least one period')),
  /** Words to highlight in passages beyond the two sides' names ("treaty", "arms"). */
  mentions: v.optional(v.array(Text), []),
  /** The passages about it; when left out, those naming both sides (see `derive.ts`). */
  passages: v.optional(IdList, []),
  notes: v.optional(IdList, []),
  summary: v.optional(Text),
  /** Earlier relations whose history belongs in this one's timeline (the 1961 treaty for the 2024 pact). */
  related: v.optional(IdList, []),
});

/**
 * A relation; `from`/`to` and `sides` are read into one `sides` list (from first), so the code
 * that draws and lists relations has one shape to handle however many sides there are.
 */
export const RelationSchema = v.pipe(
  RelationFields,
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const { from, to, sides, ...rest } = dataset.value;
    if (sides && (from !== undefined || to !== undefined)) {
      addIssue({ message: 'give either "sides" or "from" and "to", not both' });
      return NEVER;
    }
    const all = sides ?? [from, to].filter((id): id is string => id !== undefined);
    if (all.length < 2) {
      addIssue({ message: 'a relation needs two sides: "from" and "to", or a "sides" list' });
      return NEVER;
    }
    if (rest.directed && all.length !== 2) {
      addIssue({ message: 'a directed relation has exactly two sides, "from" and "to"' });
      return NEVER;
    }
    return { ...rest, sides: all };
  }),
);

export const EventSchema = v.object({
  id: Id,
  date: DateSpec,
  /** The last day of a multi-day event (19–20 July 2000). */
  until: v.optional(DateSpec),
  title: Text,
  description: v.optional(Text),
  /** Where the date comes from: "article" or a source id. */
  sources: v.pipe(IdList, v.minLength(1, 'an event must cite a source')),
  actors: v.optional(IdList, []),
  relations: v.optional(IdList, []),
  passages: v.optional(IdList, []),
  notes: v.optional(IdList, []),
});

/** A stretch drawn on the timeline: a treaty's life, the gap between two visits, a war. */
export const SpanSchema = v.object({
  id: Id,
  label: Text,
  /** A shorter label for the timeline where the whole one does not fit ("2000 treaty"). */
  shortLabel: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(24))),
  /** An event id or a date at each end; the length is computed from them, never typed in. */
  from: Text,
  to: v.optional(Text),
  relations: v.optional(IdList, []),
  kind: v.optional(v.picklist(['era', 'gap']), 'era'),
});

/**
 * One step of the classroom presentation: where the map looks, as of when, what it highlights,
 * the article's words for the caption and the teacher's notes.
 */
export const StepSchema = v.object({
  id: Id,
  title: Text,
  /** The map's date for this step; an event's date when only `event` is given. */
  date: v.optional(DateSpec),
  event: v.optional(Id),
  actors: v.optional(IdList, []),
  relations: v.optional(IdList, []),
  /** The caption: passages of the article, quoted verbatim. */
  passages: v.optional(IdList, []),
  /** Fact-check notes shown under the quote, where the article simplifies. */
  notes: v.optional(IdList, []),
  /** What the teacher says: shown only in the presenter view. */
  speakerNotes: v.optional(v.pipe(v.string(), v.maxLength(4000)), ''),
});

export const StorySchema = v.object({
  /** The JSON Schema an editor checks the file with (`story.schema.json`); ignored by the app. */
  $schema: v.optional(v.string()),
  /** Made by `npm run story -- draft` and not yet edited: the app says so in a banner. */
  draft: v.optional(v.boolean(), false),
  id: Id,
  title: Text,
  dek: v.optional(Text),
  /** The date the story describes: the default "as of" of the map. */
  asOf: v.pipe(
    v.string(),
    v.regex(PARTIAL_DATE, 'must be a date YYYY, YYYY-MM or YYYY-MM-DD'),
    DateSpec,
  ),
  article: v.object({
    /** The article text, a path relative to the story file. */
    src: v.pipe(v.string(), v.regex(ARTICLE_FILE, 'must be a .txt file name next to the story')),
    title: Text,
    author: v.optional(Text),
    publisher: v.optional(Text),
    url: v.optional(v.pipe(v.string(), v.url())),
  }),
  credit: Text,
  /** The map's preferred frame; chosen from the actors when absent. */
  view: v.optional(
    v.object({
      center: v.optional(LonLat),
      projection: v.optional(v.picklist(['world', 'region'])),
    }),
  ),
  /** Which map convention is shown (disputed borders): said in the legend. */
  mapNote: v.optional(Text),
  roles: v.pipe(v.array(RoleSchema), v.minLength(1)),
  sources: v.optional(v.array(SourceSchema), []),
  notes: v.optional(v.array(NoteSchema), []),
  passages: v.array(PassageSchema),
  actors: v.pipe(v.array(ActorSchema), v.minLength(1, 'a story needs at least one actor')),
  relations: v.optional(v.array(RelationSchema), []),
  events: v.optional(v.array(EventSchema), []),
  spans: v.optional(v.array(SpanSchema), []),
  /**
   * The classroom presentation, in order: written here, or (better for a long story) in the
   * file named by `presentation`, which only a presenter's browser downloads.
   */
  steps: v.optional(v.array(StepSchema), []),
  /** A file next to the story holding `{ "steps": [...] }`. */
  presentation: v.optional(
    v.pipe(v.string(), v.regex(PRESENTATION_FILE, 'must be a .json file name next to the story')),
  ),
});

export type Story = v.InferOutput<typeof StorySchema>;
export type Actor = v.InferOutput<typeof ActorSchema>;
export type Relation = v.InferOutput<typeof RelationSchema>;
export type RelationTypeId = v.InferOutput<typeof RelationType>;
export type Status = v.InferOutput<typeof RelationStatus>;
export type Period = v.InferOutput<typeof PeriodSchema>;
export type StoryEvent = v.InferOutput<typeof EventSchema>;
export type Passage = v.InferOutput<typeof PassageSchema>;
export type Note = v.InferOutput<typeof NoteSchema>;
export type Role = v.InferOutput<typeof RoleSchema>;
export type RolePeriod = v.InferOutput<typeof RolePeriodSchema>;
export type Span = v.InferOutput<typeof SpanSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Step = v.InferOutput<typeof StepSchema>;
