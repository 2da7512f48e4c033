import type { HighlightHandlers } from '../../shared/api/highlights';
import type { Db } from '../db/db';
import { listHighlights } from './highlightRows';
import { createHighlight, deleteHighlight, reattachHighlight, restoreHighlight, updateHighlight } from './highlights';
import { reanchorSource } from './reanchorSource';
import { addHighlightTag, listTags, removeHighlightTag } from './tags';
import { exportWebAnnotations, importWebAnnotations } from './webAnnotation';

/**
 * The highlight operations of the contract on one open library. Transports have already parsed
 * the request with its schema and parse the response after; these only call core.
 */
export function createHighlightHandlers(db: Db): HighlightHandlers {
  return {
    listHighlights: ({ sourceId }) => listHighlights(db, sourceId),
    createHighlight: (input) => createHighlight(db, input),
    updateHighlight: ({ id, patch }) => updateHighlight(db, id, patch),
    addHighlightTag: ({ id, tag }) => addHighlightTag(db, id, tag),
    removeHighlightTag: ({ id, tag }) => removeHighlightTag(db, id, tag),
    listTags: () => listTags(db),
    deleteHighlight: ({ id }) => deleteHighlight(db, id),
    restoreHighlight: ({ highlight }) => restoreHighlight(db, highlight),
    reattachHighlight: ({ id, start, end }) => reattachHighlight(db, id, start, end),
    correctSourceText: ({ sourceId, body }) => reanchorSource(db, sourceId, body),
    exportHighlights: ({ sourceId }) => exportWebAnnotations(db, sourceId),
    importHighlights: ({ sourceId, document }) => importWebAnnotations(db, sourceId, document),
  };
}
