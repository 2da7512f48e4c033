import { z } from 'zod';
import { HighlightColor, HighlightId, TAG_MAX_LENGTH } from './highlight';
import { IsoDate, SourceId } from './source';
import { HighlightTranslation } from './translation';

/**
 * Comparing across sources (issue 11): outlets, collections, the codebook, passages, the code
 * matrix, the timeline, related coverage and coding by search. The JSON the CLI prints is these
 * shapes (later versions add fields, never remove them).
 */

/** The column of sources without an outlet (and of outlets without a country, collections). */
export const NO_OUTLET = '(no outlet)';
export const NO_COUNTRY = '(no country)';
export const NO_COLLECTION = '(no collection)';

export const CountryCode = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'A country is an ISO 3166 alpha-2 code of two letters, like AM, AZ or RU'));

export const OutletName = z.string().trim().min(1, 'An outlet name cannot be empty').max(200);

export const Outlet = z.object({
  name: z.string(),
  country: z.string().nullable(),
  note: z.string(),
  sourceCount: z.number().int().nonnegative(),
});
export type Outlet = z.infer<typeof Outlet>;

export const CollectionName = z.string().trim().min(1, 'A collection name cannot be empty').max(100);
export const Collection = z.object({ name: z.string(), sourceCount: z.number().int().nonnegative() });
export type Collection = z.infer<typeof Collection>;

/** A code's full path, `/` between levels: each level tidied, empty levels dropped. */
export function normalizeCodeName(name: string): string {
  return name
    .normalize('NFC')
    .split('/')
    .map((part) => part.trim().replace(/\s+/gu, ' '))
    .filter((part) => part !== '')
    .join('/');
}

/** The full path of a code's parent, or null at the top. */
export function parentCode(name: string): string | null {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? null : name.slice(0, slash);
}

export const CodeName = z
  .string()
  .transform(normalizeCodeName)
  .pipe(z.string().min(1, 'A code cannot be empty').max(TAG_MAX_LENGTH, `A code's full name has at most ${TAG_MAX_LENGTH} characters`));

export const CodeColor = z
  .string()
  .trim()
  .transform((color) => color.toLowerCase())
  .pipe(z.string().regex(/^#[0-9a-f]{6}$/, 'A colour is written #rrggbb, like #d9480f'));

export const Code = z.object({
  /** The full path, e.g. `framing/blockade-denial`. */
  name: z.string(),
  /** The parent's full path, or null at the top. */
  parent: z.string().nullable(),
  color: z.string().nullable(),
  description: z.string(),
  /** Passages carrying this code or any code below it. */
  passageCount: z.number().int().nonnegative(),
});
export type Code = z.infer<typeof Code>;

export const PassageSort = z.enum(['date', 'outlet', 'country', 'source']);
export type PassageSort = z.infer<typeof PassageSort>;

export const PassageFilter = z
  .object({
    /** A code's full name; its children count too. */
    code: CodeName,
    /** Passages carrying every one of these codes, each counting its children (a co-occurrence cell). */
    codes: z.array(CodeName).min(1).max(20),
    outlet: z.string(),
    country: z.string(),
    collection: z.string(),
    /** Published on or after / on or before (YYYY-MM-DD). Undated sources are left out by either. */
    after: IsoDate,
    before: IsoDate,
    color: HighlightColor,
    language: z.string(),
    cited: z.boolean(),
    orphaned: z.boolean(),
    /** Words in the quote, comment or codes, in the search query language. */
    words: z.string().max(1000),
    sourceId: SourceId,
  })
  .partial();
export type PassageFilter = z.infer<typeof PassageFilter>;

export const Passage = z.object({
  id: HighlightId,
  sourceId: SourceId,
  exact: z.string(),
  /** The quote's translation (issue 14); null when there is none. */
  translation: HighlightTranslation.nullable(),
  codes: z.array(z.string()),
  comment: z.string(),
  color: HighlightColor,
  outlet: z.string().nullable(),
  country: z.string().nullable(),
  publishedAt: z.string().nullable(),
  title: z.string(),
  orphaned: z.boolean(),
  start: z.number().int(),
  end: z.number().int(),
  citekey: z.string(),
  author: z.string().nullable(),
  language: z.string().nullable(),
  cited: z.boolean(),
});
export type Passage = z.infer<typeof Passage>;

export const PASSAGE_PAGE_MAX = 1000;

export const PassagePage = z.object({
  passages: z.array(Passage),
  /** Pass back as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
  /** Every passage matching the filter, on all pages; null when the request asked not to count (`count: false`). */
  total: z.number().int().nonnegative().nullable(),
});
export type PassagePage = z.infer<typeof PassagePage>;

export const MatrixBy = z.enum(['outlet', 'country', 'collection']);
export type MatrixBy = z.infer<typeof MatrixBy>;

export const MatrixRow = z.object({
  code: z.string(),
  passages: z.record(z.string(), z.number().int()),
  sources: z.record(z.string(), z.number().int()),
});
export const CodeMatrix = z.object({ by: MatrixBy, columns: z.array(z.string()), rows: z.array(MatrixRow) });
export type CodeMatrix = z.infer<typeof CodeMatrix>;

/** Code × code: `counts[a][b]` passages carry both a (or a child) and b (or a child). */
export const CoOccurrence = z.object({ codes: z.array(z.string()), counts: z.record(z.string(), z.record(z.string(), z.number().int())) });
export type CoOccurrence = z.infer<typeof CoOccurrence>;

export const TimelineBy = z.enum(['outlet', 'country']);
/** The marks a lane draws at most; the page asks for as many as its lanes show side by side (timelineScale.ts, marksFitting). */
export const TIMELINE_MAX_MARKS = 40;
/**
 * One mark of a lane: the sources of one stretch of the axis (`bucketDays` days) in that lane, with
 * the dates they span, their passages and the passages per code (for colouring). A mark of one
 * source names it (`source`), so hovering shows its title and clicking opens it; a mark of several
 * says how many.
 */
export const TimelineMark = z.object({
  /** The first and last publication dates of its sources (YYYY-MM-DD). */
  from: z.string(),
  to: z.string(),
  sourceCount: z.number().int().positive(),
  passageCount: z.number().int().nonnegative(),
  /**
   * Passages per code, most first (a passage with two codes counts under each), as pairs of the
   * code's index in the timeline's `codes` and its passages: a code's name is sent once per
   * timeline, not in each of hundreds of marks (at 480 marks, 230 KB became about 60 KB).
   */
  codes: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()])),
  source: z.object({ id: SourceId, title: z.string(), publishedAt: z.string() }).nullable(),
});
export type TimelineMark = z.infer<typeof TimelineMark>;
export const TimelineLane = z.object({
  name: z.string(),
  /** Dated sources in the range, over all its marks. */
  sourceCount: z.number().int().nonnegative(),
  /** Its sources without a date (whatever the range), which no mark can place. */
  undatedCount: z.number().int().nonnegative(),
  marks: z.array(TimelineMark),
});
export type TimelineLane = z.infer<typeof TimelineLane>;
/**
 * What the timeline draws, aggregated by the query (issue 11: drawn < 200 ms at 100,000 sources):
 * per lane, at most `TIMELINE_MAX_MARKS` marks, each a stretch of `bucketDays` days from `from`.
 */
export const Timeline = z.object({
  by: TimelineBy,
  lanes: z.array(TimelineLane),
  /** The first and last publication dates shown, or null when no source in the range has a date. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Days per mark: 1 when the range spans at most `TIMELINE_MAX_MARKS` days. */
  bucketDays: z.number().int().positive(),
  /**
   * Every code its marks carry, once, by name (the marks refer to them by index), with its
   * codebook colour or null (the page colours them without asking for the codebook).
   */
  codes: z.array(z.object({ name: z.string(), color: z.string().nullable() })),
  /** Dated sources drawn, over every lane. */
  sourceCount: z.number().int().nonnegative(),
  undatedCount: z.number().int().nonnegative(),
});
export type Timeline = z.infer<typeof Timeline>;

export const RelatedSource = z.object({
  sourceId: SourceId,
  title: z.string(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  score: z.number(),
  /** The names and rare words both share, weightiest first (a few, to show why). */
  shared: z.array(z.string()),
});
export type RelatedSource = z.infer<typeof RelatedSource>;

export const AutocodeUnit = z.enum(['sentence', 'paragraph']);
export type AutocodeUnit = z.infer<typeof AutocodeUnit>;
export const AutocodeResult = z.object({
  highlights: z.array(z.object({ highlightId: HighlightId, sourceId: SourceId, exact: z.string() })),
  /** Matching units that already were a highlight with this code. */
  skipped: z.number().int().nonnegative(),
});
export type AutocodeResult = z.infer<typeof AutocodeResult>;
