import { z } from 'zod';
import {
  AnnotationCollectionLd,
  Highlight,
  HighlightId,
  HighlightImportReport,
  HighlightPatch,
  NewHighlight,
  ReanchorReport,
  TagName,
  TagUsage,
  WebAnnotationDocument,
} from '../domain/highlight';
import { MAX_IMPORT_BYTES, SourceId } from '../domain/source';
import { mutation, query } from './operation';

const Offset = z.number().int().nonnegative();

/** Highlights (issue 3): mark passages, keep them anchored, move them between tools. */
export const highlightOperations = {
  /** A source's highlights in document order; orphans last, flagged. */
  listHighlights: query(z.object({ sourceId: SourceId }), z.array(Highlight)),
  createHighlight: mutation(NewHighlight, Highlight, (request, highlight) => [{ kind: 'highlights', ids: [highlight.sourceId] }, { kind: 'tags' }]),
  updateHighlight: mutation(z.object({ id: HighlightId, patch: HighlightPatch }), Highlight, (request, highlight) => [{ kind: 'highlights', ids: [highlight.sourceId] }]),
  addHighlightTag: mutation(z.object({ id: HighlightId, tag: TagName }), Highlight, (request, highlight) => [{ kind: 'highlights', ids: [highlight.sourceId] }, { kind: 'tags' }]),
  removeHighlightTag: mutation(z.object({ id: HighlightId, tag: TagName }), Highlight, (request, highlight) => [{ kind: 'highlights', ids: [highlight.sourceId] }, { kind: 'tags' }]),
  /** Every tag in use in the library, for autocomplete. */
  listTags: query(z.object({}), z.array(TagUsage)),
  /** Returns the deleted highlight whole: pass it to restoreHighlight to undo. */
  deleteHighlight: mutation(z.object({ id: HighlightId }), Highlight, (request, highlight) => [{ kind: 'highlights', ids: [highlight.sourceId] }, { kind: 'tags' }, { kind: 'citations', ids: [highlight.sourceId] }]),
  restoreHighlight: mutation(z.object({ highlight: Highlight }), Highlight, (request, highlight) => [{ kind: 'highlights', ids: [highlight.sourceId] }, { kind: 'tags' }, { kind: 'citations', ids: [highlight.sourceId] }]),
  /** Re-attaches a highlight (an orphan, usually) to a range of the current text. */
  reattachHighlight: mutation(z.object({ id: HighlightId, start: Offset, end: Offset }), Highlight, (request, highlight) => [{ kind: 'highlights', ids: [highlight.sourceId] }]),
  /** Replaces a source's text with a corrected one and re-anchors its highlights, all at once. */
  correctSourceText: mutation(z.object({ sourceId: SourceId, body: z.string().min(1).max(MAX_IMPORT_BYTES) }), ReanchorReport, ({ sourceId }) => [
    { kind: 'sources', ids: [sourceId] },
    { kind: 'highlights', ids: [sourceId] },
  ]),
  exportHighlights: query(z.object({ sourceId: SourceId }), AnnotationCollectionLd),
  importHighlights: mutation(z.object({ sourceId: SourceId, document: WebAnnotationDocument }), HighlightImportReport, ({ sourceId }) => [
    { kind: 'highlights', ids: [sourceId] },
    { kind: 'tags' },
  ]),
};

export type HighlightOperations = typeof highlightOperations;

/** Implementations of these operations, typed from the schemas as the contract's Handlers are. */
export type HighlightHandlers = {
  [K in keyof HighlightOperations]: (request: z.output<HighlightOperations[K]['request']>) => z.output<HighlightOperations[K]['response']>;
};
