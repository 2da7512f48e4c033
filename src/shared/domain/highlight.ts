import { z } from 'zod';
import { SourceId } from './source';
import { HighlightTranslation } from './translation';

/** The five highlight colours, by name: the UI labels its swatches with these words. */
export const HIGHLIGHT_COLORS = ['yellow', 'red', 'green', 'blue', 'purple'] as const;
export const HighlightColor = z.enum(HIGHLIGHT_COLORS);
export type HighlightColor = z.infer<typeof HighlightColor>;

export const HighlightId = z.number().int().positive();

export const TAG_MAX_LENGTH = 64;
export const COMMENT_MAX_LENGTH = 10_000;
export const MAX_TAGS_PER_HIGHLIGHT = 50;

/** A tag as the researcher typed it, tidied: NFC, trimmed, runs of white space made one space. */
export function normalizeTagName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/**
 * The key that makes tags unique regardless of case, in every script ("Блокада" = "блокада").
 * Lower case, except that the dotted capital İ of Azerbaijani and Turkish folds to plain i
 * (toLowerCase would give i + a combining dot), so "İrəvan" and "irəvan" are one tag.
 */
export function tagKey(name: string): string {
  return normalizeTagName(name).replace(/İ/g, 'i').toLowerCase().normalize('NFC');
}

export const TagName = z
  .string()
  .transform(normalizeTagName)
  .pipe(z.string().min(1, 'A tag cannot be empty').max(TAG_MAX_LENGTH, `A tag has at most ${TAG_MAX_LENGTH} characters`));

export const HighlightComment = z
  .string()
  .transform((text) => text.normalize('NFC').trim())
  .pipe(z.string().max(COMMENT_MAX_LENGTH, `A comment has at most ${COMMENT_MAX_LENGTH} characters`));

const Offset = z.number().int().nonnegative();

/**
 * A highlighted passage. start/end are UTF-16 offsets into the source's canonical body; exact,
 * prefix and suffix are its TextQuoteSelector. An orphaned highlight could not be found again
 * after the body changed: its offsets are its last known place, not a place in the current text.
 */
export const Highlight = z.object({
  id: HighlightId,
  sourceId: SourceId,
  start: Offset,
  end: Offset,
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  color: HighlightColor,
  /** Empty when there is no comment. */
  comment: z.string(),
  /** Tag names, sorted case-insensitively. */
  tags: z.array(z.string()),
  /** The quote's translation, its language and who made it (issue 14); null when there is none. */
  translation: HighlightTranslation.nullable().default(null),
  orphaned: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Highlight = z.infer<typeof Highlight>;

export const NewHighlight = z.object({
  sourceId: SourceId,
  start: Offset,
  end: Offset,
  color: HighlightColor.default('yellow'),
  comment: HighlightComment.default(''),
  tags: z.array(TagName).max(MAX_TAGS_PER_HIGHLIGHT).default([]),
});
export type NewHighlight = z.input<typeof NewHighlight>;

/** `translation: null` removes the translation; leaving it out keeps it. */
export const HighlightPatch = z.object({ color: HighlightColor, comment: HighlightComment, translation: HighlightTranslation.nullable() }).partial();
export type HighlightPatch = z.output<typeof HighlightPatch>;

export const TagUsage = z.object({ name: z.string(), count: z.number().int().nonnegative() });
export type TagUsage = z.infer<typeof TagUsage>;

export const AnchorStatus = z.enum(['exact', 'moved', 'fuzzy', 'orphaned']);

/** What re-anchoring a source's highlights after its text changed did to each of them. */
export const ReanchorReport = z.object({
  exact: z.number().int(),
  moved: z.number().int(),
  fuzzy: z.number().int(),
  orphaned: z.number().int(),
  highlights: z.array(z.object({ id: HighlightId, status: AnchorStatus })),
});
export type ReanchorReport = z.infer<typeof ReanchorReport>;

export const HighlightImportReport = z.object({
  imported: z.number().int(),
  /** Imported but not found in this text: listed under "Orphaned highlights". */
  orphaned: z.number().int(),
  /** Already present on this source (same range and words): not imported twice. */
  duplicates: z.number().int(),
  highlightIds: z.array(HighlightId),
});
export type HighlightImportReport = z.infer<typeof HighlightImportReport>;

/*
 * W3C Web Annotation (JSON-LD) for one source's highlights. The schemas accept what other tools
 * write (a collection with an embedded first page, a page, a list, or one annotation; a selector
 * or a list of them; bodies with or without a purpose) and ignore what Marginalia does not use.
 */
export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const MAX_IMPORTED_ANNOTATIONS = 10_000;

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]);

export const TextQuoteSelectorLd = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'A TextQuoteSelector needs the exact quoted text'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

/** Offsets in Unicode code points, as the Web Annotation model requires (not UTF-16 units). */
export const TextPositionSelectorLd = z
  .looseObject({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((selector) => selector.end > selector.start, 'A TextPositionSelector ends after it starts');

const KNOWN_SELECTORS = ['TextQuoteSelector', 'TextPositionSelector'];
const OtherSelectorLd = z.looseObject({ type: z.string().refine((type) => !KNOWN_SELECTORS.includes(type)) });
export const SelectorLd = z.union([TextQuoteSelectorLd, TextPositionSelectorLd, OtherSelectorLd]);

export const TextualBodyLd = z.looseObject({
  type: z.literal('TextualBody'),
  value: z.string(),
  purpose: z.string().optional(),
  format: z.string().optional(),
});
/** Bodies of other kinds (an image, a link given as an IRI) are accepted and ignored. */
const BodyLd = z.union([TextualBodyLd, z.looseObject({ type: z.string().optional() }), z.string()]);

export const TargetLd = z.looseObject({
  source: z.string().optional(),
  styleClass: z.string().optional(),
  selector: oneOrMany(SelectorLd).optional(),
});

export const AnnotationLd = z.looseObject({
  '@context': z.unknown().optional(),
  id: z.string().optional(),
  type: z.union([z.literal('Annotation'), z.array(z.string()).refine((types) => types.includes('Annotation'), 'Not an Annotation')]),
  motivation: oneOrMany(z.string()).optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  bodyValue: z.string().optional(),
  body: oneOrMany(BodyLd).optional(),
  target: oneOrMany(z.union([TargetLd, z.string()])),
  stylesheet: z.unknown().optional(),
});
export type AnnotationLd = z.infer<typeof AnnotationLd>;

export const AnnotationPageLd = z.looseObject({
  '@context': z.unknown().optional(),
  type: z.literal('AnnotationPage'),
  items: z.array(AnnotationLd).max(MAX_IMPORTED_ANNOTATIONS),
});

export const AnnotationCollectionLd = z.looseObject({
  '@context': z.unknown().optional(),
  id: z.string().optional(),
  type: z.literal('AnnotationCollection'),
  label: z.string().optional(),
  total: z.number().int().nonnegative().optional(),
  /** Only an embedded page can be read: Marginalia never fetches anything from the network. */
  first: AnnotationPageLd.optional(),
});
export type AnnotationCollectionLd = z.infer<typeof AnnotationCollectionLd>;

export const WebAnnotationDocument = z.union([
  AnnotationCollectionLd,
  AnnotationPageLd,
  z.array(AnnotationLd).max(MAX_IMPORTED_ANNOTATIONS),
  AnnotationLd,
]);
export type WebAnnotationDocument = z.infer<typeof WebAnnotationDocument>;
