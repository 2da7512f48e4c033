import type { Anchor } from '../../shared/anchoring/anchor';
import { CONTEXT_LENGTH, createAnchor, rangeProblem, splitsSurrogatePair } from '../../shared/anchoring/anchor';
import { offsetConverter } from '../../shared/anchoring/codePoints';
import { reanchor } from '../../shared/anchoring/reanchor';
import type { AnnotationCollectionLd, AnnotationLd, HighlightColor, HighlightImportReport, WebAnnotationDocument } from '../../shared/domain/highlight';
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
import type { Db } from '../db/openDatabase';
import { listHighlights } from './highlightRows';
import { insertHighlight } from './highlights';
import { writeTransaction } from '../db/writeTransaction';

/** Colours for other tools, which read target.styleClass through the annotation's stylesheet. */
const CSS_COLORS: Record<HighlightColor, string> = { yellow: '#fde68a', red: '#fca5a5', green: '#86efac', blue: '#93c5fd', purple: '#d8b4fe' };
const STYLESHEET = { type: 'CssStylesheet', value: HIGHLIGHT_COLORS.map((color) => `.${color} { background-color: ${CSS_COLORS[color]}; }`).join('\n') };

/** IRIs for things that live only in this library; a `marginalia://` link opens them in the app. */
export const highlightIri = (id: number) => `marginalia://highlight/${id}`;
export const sourceIri = (id: number) => `marginalia://source/${id}`;

function sourceFacts(db: Db, sourceId: number): { title: string; url: string | null; body: string } {
  const row = db.prepare('SELECT title, url, body FROM sources WHERE id = ?').get(sourceId) as { title: string; url: string | null; body: string } | undefined;
  if (!row) throw notFound(`Source ${sourceId}`);
  return row;
}

/**
 * One source's highlights as a W3C Web Annotation collection: each one a TextQuoteSelector and
 * a TextPositionSelector (in code points), its colour as target.styleClass, its comment and tags
 * as commenting and tagging bodies. An orphan carries no position, which would point elsewhere.
 */
export function exportWebAnnotations(db: Db, sourceId: number): AnnotationCollectionLd {
  const source = sourceFacts(db, sourceId);
  const convert = offsetConverter(source.body);
  const items: AnnotationLd[] = listHighlights(db, sourceId).map((highlight) => {
    const selector: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', exact: highlight.exact, prefix: highlight.prefix, suffix: highlight.suffix }];
    if (!highlight.orphaned) selector.push({ type: 'TextPositionSelector', start: convert.toCodePoints(highlight.start), end: convert.toCodePoints(highlight.end) });
    const body = [
      ...(highlight.comment ? [{ type: 'TextualBody', purpose: 'commenting', value: highlight.comment, format: 'text/plain' }] : []),
      ...highlight.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
    ];
    return {
      id: highlightIri(highlight.id),
      type: 'Annotation',
      motivation: 'highlighting',
      created: highlight.createdAt,
      modified: highlight.updatedAt,
      ...(body.length > 0 ? { body } : {}),
      target: { source: source.url ?? sourceIri(sourceId), styleClass: highlight.color, selector },
      stylesheet: STYLESHEET,
    } as AnnotationLd;
  });
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id: `${sourceIri(sourceId)}/highlights`,
    type: 'AnnotationCollection',
    label: `Highlights of “${source.title}”`,
    total: items.length,
    first: { type: 'AnnotationPage', items },
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
  anchor: Anchor;
  color: HighlightColor;
  comment: string;
  tags: string[];
  createdAt?: string;
  updatedAt?: string;
}

const isoDate = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined);

/** What Marginalia keeps of one annotation, or null when it has no quote to anchor (nothing to import). */
function readAnnotation(annotation: AnnotationLd, convert: ReturnType<typeof offsetConverter>): ImportedAnnotation | null {
  for (const target of asList(annotation.target)) {
    if (typeof target === 'string') continue;
    const selectors = asList(target.selector);
    const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector') as { exact: string; prefix?: string; suffix?: string } | undefined;
    if (!quote) continue;
    const position = selectors.find((selector) => selector.type === 'TextPositionSelector') as { start: number; end: number } | undefined;
    const exact = canonicalQuote(quote.exact);
    const start = position ? convert.toUtf16(position.start) : 0;
    const end = position ? Math.max(convert.toUtf16(position.end), start + 1) : exact.length;
    const bodies = asList(annotation.body).filter((body): body is { type: 'TextualBody'; value: string; purpose?: string } => typeof body === 'object' && body.type === 'TextualBody');
    const tags = bodies
      .filter((body) => body.purpose === 'tagging')
      .map((body) => normalizeTagName(body.value).slice(0, TAG_MAX_LENGTH))
      .filter((tag) => TagName.safeParse(tag).success)
      .slice(0, MAX_TAGS_PER_HIGHLIGHT);
    const comments = [annotation.bodyValue, ...bodies.filter((body) => body.purpose !== 'tagging').map((body) => body.value)];
    const styleClass = target.styleClass as HighlightColor | undefined;
    return {
      anchor: { start, end, exact, prefix: clampContext(canonicalQuote(quote.prefix ?? ''), true), suffix: clampContext(canonicalQuote(quote.suffix ?? ''), false) },
      color: styleClass && HIGHLIGHT_COLORS.includes(styleClass) ? styleClass : 'yellow',
      comment: comments
        .filter((text): text is string => !!text?.trim())
        .map((text) => text.normalize('NFC').trim())
        .join('\n\n')
        .slice(0, COMMENT_MAX_LENGTH),
      tags,
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
 * is kept as an orphan to re-attach. One already present (same place and words) is skipped, so
 * importing a file twice does not double the highlights.
 */
export function importWebAnnotations(db: Db, sourceId: number, document: WebAnnotationDocument): HighlightImportReport {
  return writeTransaction(db, () => {
    const { body } = sourceFacts(db, sourceId);
    const convert = offsetConverter(body);
    const exists = db.prepare('SELECT 1 FROM highlights WHERE source_id = ? AND start = ? AND end = ? AND exact = ? AND orphaned = ?');
    const report: HighlightImportReport = { imported: 0, orphaned: 0, duplicates: 0, highlightIds: [] };
    for (const annotation of annotationsOf(document)) {
      const read = readAnnotation(annotation, convert);
      if (!read) continue;
      const found = reanchor(body, read.anchor);
      const orphaned = found.status === 'orphaned' || rangeProblem(body, found.start, found.end) !== null;
      const anchor = orphaned ? read.anchor : createAnchor(body, found.start, found.end);
      if (exists.get(sourceId, anchor.start, anchor.end, anchor.exact, orphaned ? 1 : 0)) {
        report.duplicates += 1;
        continue;
      }
      const id = insertHighlight(db, { sourceId, anchor, orphaned, color: read.color, comment: read.comment, tags: read.tags, createdAt: read.createdAt, updatedAt: read.updatedAt });
      report.highlightIds.push(id);
      report.imported += 1;
      if (orphaned) report.orphaned += 1;
    }
    return report;
  });
}
