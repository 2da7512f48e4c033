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
  createHighlight: mutation(NewHighlight, Highlight),
  updateHighlight: mutation(z.object({ id: HighlightId, patch: HighlightPatch }), Highlight),
  addHighlightTag: mutation(z.object({ id: HighlightId, tag: TagName }), Highlight),
  removeHighlightTag: mutation(z.object({ id: HighlightId, tag: TagName }), Highlight),
  /** Every tag in use in the library, for autocomplete. */
  listTags: query(z.object({}), z.array(TagUsage)),
  /** Returns the deleted highlight whole: pass it to restoreHighlight to undo. */
  deleteHighlight: mutation(z.object({ id: HighlightId }), Highlight),
  restoreHighlight: mutation(z.object({ highlight: Highlight }), Highlight),
  /** Re-attaches a highlight (an orphan, usually) to a range of the current text. */
  reattachHighlight: mutation(z.object({ id: HighlightId, start: Offset, end: Offset }), Highlight),
  /** Replaces a source's text with a corrected one and re-anchors its highlights, all at once. */
  correctSourceText: mutation(z.object({ sourceId: SourceId, body: z.string().min(1).max(MAX_IMPORT_BYTES) }), ReanchorReport),
  exportHighlights: query(z.object({ sourceId: SourceId }), AnnotationCollectionLd),
  importHighlights: mutation(z.object({ sourceId: SourceId, document: WebAnnotationDocument }), HighlightImportReport),
};

export type HighlightOperations = typeof highlightOperations;

/** Implementations of these operations, typed from the schemas as the contract's Handlers are. */
export type HighlightHandlers = {
  [K in keyof HighlightOperations]: (request: z.output<HighlightOperations[K]['request']>) => z.output<HighlightOperations[K]['response']>;
};
