import type { Anchor } from '../../shared/anchoring/anchor';
import { CONTEXT_LENGTH, createAnchor, rangeProblem, splitsSurrogatePair } from '../../shared/anchoring/anchor';
import { offsetConverter } from '../../shared/anchoring/codePoints';
import { reanchor } from '../../shared/anchoring/reanchor';
import type { AnnotationCollectionLd, AnnotationLd, HighlightColor, HighlightImportReport, WebAnnotationDocument } from '../../shared/domain/highlight';
import type { HighlightTranslation } from '../../shared/domain/translation';
import { HighlightTranslation as TranslationSchema } from '../../shared/domain/translation';
import {
  COMMENT_MAX_LENGTH,
  HIGHLIGHT_COLORS,
  MAX_TAGS_PER_HIGHLIGHT,
  normalizeTagName,
  TAG_MAX_LENGTH,
  TagName,
  WEB_ANNOTATION_CONTEXT,
  WebAnnotationDocument as WebAnnotationDocumentSchema,
} from '../../shared/domain/highlight';
import { ApiError, notFound } from '../../shared/api/errors';
import { z } from 'zod';
import type { Db } from '../db/db';
import { listHighlights } from './highlightRows';
import { insertHighlight } from './highlights';
import { writeTransaction } from '../db/writeTransaction';

/** Colours for other tools, which read target.styleClass through the annotation's stylesheet. */
const CSS_COLORS: Record<HighlightColor, string> = { yellow: '#fde68a', red: '#fca5a5', green: '#86efac', blue: '#93c5fd', purple: '#d8b4fe' };
const STYLESHEET = { type: 'CssStylesheet', value: HIGHLIGHT_COLORS.map((color) => `.${color} { background-color: ${CSS_COLORS[color]}; }`).join('\n') };

/** IRIs for things that live only in this library; a `marginalia://` link opens them in the app. */
export const highlightIri = (id: number) => `marginalia://highlight/${id}`;
export const sourceIri = (id: number) => `marginalia://source/${id}`;

/** Marginalia, as the W3C model's `generator` of every annotation it writes. */
export const GENERATOR = { id: 'https://github.com/marginalia-notebook/marginalia', type: 'Software', name: 'Marginalia' } as const;

const HIGHLIGHT_IRI = /^marginalia:\/\/highlight\/([1-9]\d*)$/;

/**
 * A translation is a describing body in its own language (the model has no "translating" purpose),
 * its tool as the body's `creator` (Software). An import reads it back only from an annotation
 * Marginalia wrote (a `marginalia://highlight/N` id): other tools' describing bodies stay comments.
 * (A body id would mark it more plainly, but the W3C suite then takes it for an external resource,
 * which may not have a purpose.)
 */
function translationBody(translation: HighlightTranslation): Record<string, unknown> {
  return {
    type: 'TextualBody',
    purpose: 'describing',
    value: translation.text,
    format: 'text/plain',
    language: translation.language,
    ...(translation.tool ? { creator: { type: 'Software', name: translation.tool } } : {}),
  };
}

interface SourceFacts {
  title: string;
  url: string | null;
  body: string;
  language: string | null;
}

function sourceFacts(db: Db, sourceId: number): SourceFacts {
  const row = db.prepare('SELECT title, url, body, language FROM sources WHERE id = ?').get(sourceId) as SourceFacts | undefined;
  if (!row) throw notFound(`Source ${sourceId}`);
  return row;
}

export interface WebAnnotationExportOptions {
  /** The annotator's name, when the caller knows it: the W3C `creator` (a Person) of every annotation. */
  creator?: string;
}

/**
 * One source's highlights as a W3C Web Annotation collection: each one a TextQuoteSelector and
 * a TextPositionSelector (in code points), its colour as target.styleClass, its comment and tags
 * as commenting and tagging bodies, its translation as a describing body in its language. An orphan carries no position, which would point elsewhere.
 * The source's language is the target's `language`; Marginalia is the `generator`, the annotator
 * the `creator` where known. The collection and its one embedded page both have an id, as the
 * W3C suite's MUST checks require (issue 15).
 */
export function exportWebAnnotations(db: Db, sourceId: number, options: WebAnnotationExportOptions = {}): AnnotationCollectionLd {
  const source = sourceFacts(db, sourceId);
  const creator = options.creator?.trim() ? { type: 'Person', name: options.creator.trim() } : null;
  const convert = offsetConverter(source.body);
  const items: AnnotationLd[] = listHighlights(db, sourceId).map((highlight) => {
    const selector: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', exact: highlight.exact, prefix: highlight.prefix, suffix: highlight.suffix }];
    if (!highlight.orphaned) selector.push({ type: 'TextPositionSelector', start: convert.toCodePoints(highlight.start), end: convert.toCodePoints(highlight.end) });
    const body: Record<string, unknown>[] = [
      ...(highlight.comment ? [{ type: 'TextualBody', purpose: 'commenting', value: highlight.comment, format: 'text/plain' }] : []),
      ...highlight.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
      ...(highlight.translation ? [translationBody(highlight.translation)] : []),
    ];
    const target: Record<string, unknown> = { source: source.url ?? sourceIri(sourceId), ...(source.language ? { language: source.language } : {}), styleClass: highlight.color, selector };
    return {
      id: highlightIri(highlight.id),
      type: 'Annotation',
      motivation: 'highlighting',
      ...(creator ? { creator } : {}),
      created: highlight.createdAt,
      modified: highlight.updatedAt,
      generator: GENERATOR,
      ...(body.length > 0 ? { body } : {}),
      target,
      stylesheet: STYLESHEET,
    } as AnnotationLd;
  });
  const id = `${sourceIri(sourceId)}/highlights`;
  const label = `Highlights of “${source.title}”`;
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: `${id}/page/1`, type: 'AnnotationPage', partOf: { id, label, total: items.length }, startIndex: 0, items },
  };
}

function annotationsOf(document: WebAnnotationDocument): AnnotationLd[] {
  if (Array.isArray(document)) return document;
  if (document.type === 'AnnotationCollection') return document.first?.items ?? [];
  if (document.type === 'AnnotationPage') return document.items;
  return [document as AnnotationLd];
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Quote text as the canonical body has it: NFC, \n line ends. */
const canonicalQuote = (text: string) => text.replace(/\r\n?/g, '\n').normalize('NFC');

function clampContext(text: string, keepEnd: boolean): string {
  if (text.length <= CONTEXT_LENGTH) return text;
  let cut = keepEnd ? text.length - CONTEXT_LENGTH : CONTEXT_LENGTH;
  if (splitsSurrogatePair(text, cut)) cut += keepEnd ? 1 : -1;
  return keepEnd ? text.slice(cut) : text.slice(0, cut);
}

interface ImportedAnnotation {
  /** The highlight's id in the library that exported it, for an annotation Marginalia wrote about this source. */
  ownId: number | null;
  anchor: Anchor;
  color: HighlightColor;
  comment: string;
  tags: string[];
  translation: HighlightTranslation | null;
  createdAt?: string;
  updatedAt?: string;
}

type TextualBody = { type: 'TextualBody'; value: string; purpose?: string; language?: unknown; creator?: unknown };

/** The translation body of an annotation Marginalia wrote, read back; null when there is none or it does not parse. */
function readTranslation(writtenByMarginalia: boolean, bodies: readonly TextualBody[]): { body: TextualBody | null; translation: HighlightTranslation | null } {
  const body = writtenByMarginalia ? bodies.find((candidate) => candidate.purpose === 'describing' && typeof candidate.language === 'string') : undefined;
  if (!body) return { body: null, translation: null };
  const creator = body.creator as { name?: unknown } | undefined;
  const parsed = TranslationSchema.safeParse({ text: body.value, language: body.language, tool: typeof creator?.name === 'string' ? creator.name : null });
  // One that does not parse (an unknown language) stays a comment: nothing imported is dropped.
  return parsed.success ? { body, translation: parsed.data } : { body: null, translation: null };
}

const isoDate = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined);

/**
 * What Marginalia keeps of one annotation, or null when it has no quote to anchor (nothing to
 * import). `targetSources` are the IRIs this source is exported under (its URL, its marginalia://
 * IRI): an annotation whose id is a `marginalia://highlight/N` and whose target is one of them is
 * this library's own export, and keeps its id.
 */
function readAnnotation(annotation: AnnotationLd, convert: ReturnType<typeof offsetConverter>, targetSources: ReadonlySet<string>): ImportedAnnotation | null {
  for (const target of asList(annotation.target)) {
    if (typeof target === 'string') continue;
    const ownMatch = HIGHLIGHT_IRI.exec(annotation.id ?? '');
    const targetSource = typeof target.source === 'string' ? target.source : null;
    const ownId = ownMatch && targetSource !== null && targetSources.has(targetSource) ? Number(ownMatch[1]) : null;
    const selectors = asList(target.selector);
    const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector') as { exact: string; prefix?: string; suffix?: string } | undefined;
    if (!quote) continue;
    const position = selectors.find((selector) => selector.type === 'TextPositionSelector') as { start: number; end: number } | undefined;
    const exact = canonicalQuote(quote.exact);
    const start = position ? convert.toUtf16(position.start) : 0;
    const end = position ? Math.max(convert.toUtf16(position.end), start + 1) : exact.length;
    const allBodies = asList(annotation.body).filter((body): body is TextualBody => typeof body === 'object' && body.type === 'TextualBody');
    const { body: translationBody, translation } = readTranslation(ownMatch !== null, allBodies);
    const bodies = allBodies.filter((body) => body !== translationBody);
    const tags = bodies
      .filter((body) => body.purpose === 'tagging')
      .map((body) => normalizeTagName(body.value).slice(0, TAG_MAX_LENGTH))
      .filter((tag) => TagName.safeParse(tag).success)
      .slice(0, MAX_TAGS_PER_HIGHLIGHT);
    const comments = [annotation.bodyValue, ...bodies.filter((body) => body.purpose !== 'tagging').map((body) => body.value)];
    const styleClass = target.styleClass as HighlightColor | undefined;
    return {
      ownId,
      anchor: { start, end, exact, prefix: clampContext(canonicalQuote(quote.prefix ?? ''), true), suffix: clampContext(canonicalQuote(quote.suffix ?? ''), false) },
      color: styleClass && HIGHLIGHT_COLORS.includes(styleClass) ? styleClass : 'yellow',
      comment: comments
        .filter((text): text is string => !!text?.trim())
        .map((text) => text.normalize('NFC').trim())
        .join('\n\n')
        .slice(0, COMMENT_MAX_LENGTH),
      tags,
      translation,
      createdAt: isoDate(annotation.created),
      updatedAt: isoDate(annotation.modified ?? annotation.created),
    };
  }
  return null;
}

/** Validates a parsed JSON-LD file (for callers that did not come through the contract, like the CLI). */
export function parseWebAnnotations(json: unknown, what = 'The file'): WebAnnotationDocument {
  const parsed = WebAnnotationDocumentSchema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError('invalid_request', `${what} is not W3C Web Annotation JSON-LD that Marginalia can read: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Imports annotations onto one source, in one transaction. Each is re-anchored in this source's
 * text like a highlight after a correction: found, it is stored at its place here; not found, it
 * is kept as an orphan to re-attach. One already present (same place and words, or Marginalia's
 * own annotation whose highlight still exists) is skipped, so importing a file twice does not
 * double the highlights. Marginalia's own export of this source gets its highlights back under
 * their ids, so the citations and deep links that name them resolve again; an id that another
 * highlight has taken since is not reused (that highlight gets a new id).
 */
export function importWebAnnotations(db: Db, sourceId: number, document: WebAnnotationDocument): HighlightImportReport {
  return writeTransaction(db, () => {
    const { body, url } = sourceFacts(db, sourceId);
    const convert = offsetConverter(body);
    const targetSources = new Set([sourceIri(sourceId), ...(url ? [url] : [])]);
    const exists = db.prepare('SELECT 1 FROM highlights WHERE source_id = ? AND start = ? AND end = ? AND exact = ? AND orphaned = ?');
    const owner = db.prepare('SELECT source_id AS sourceId FROM highlights WHERE id = ?');
    const report: HighlightImportReport = { imported: 0, orphaned: 0, duplicates: 0, highlightIds: [] };
    for (const annotation of annotationsOf(document)) {
      const read = readAnnotation(annotation, convert, targetSources);
      if (!read) continue;
      const holder = read.ownId === null ? undefined : (owner.get(read.ownId) as { sourceId: number } | undefined);
      if (holder?.sourceId === sourceId) {
        report.duplicates += 1;
        continue;
      }
      const restoredId = read.ownId !== null && holder === undefined ? read.ownId : undefined;
      const found = reanchor(body, read.anchor);
      const orphaned = found.status === 'orphaned' || rangeProblem(body, found.start, found.end) !== null;
      const anchor = orphaned ? read.anchor : createAnchor(body, found.start, found.end);
      if (exists.get(sourceId, anchor.start, anchor.end, anchor.exact, orphaned ? 1 : 0)) {
        report.duplicates += 1;
        continue;
      }
      const id = insertHighlight(db, { id: restoredId, sourceId, anchor, orphaned, color: read.color, comment: read.comment, tags: read.tags, translation: read.translation, createdAt: read.createdAt, updatedAt: read.updatedAt });
      report.highlightIds.push(id);
      report.imported += 1;
      if (orphaned) report.orphaned += 1;
    }
    return report;
  });
}
