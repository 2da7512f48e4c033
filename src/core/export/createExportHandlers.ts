import type { ExportHandlers } from '../../shared/api/export';
import type { Db } from '../db/db';

/**
 * The export operations' handlers, for createHandlers to spread in. The Markdown and LaTeX
 * libraries take ~150 ms to load, so they are loaded on the first export, not at app start
 * (ARCHITECTURE.md: cold start under 1 s).
 */
const loadExport = () => import('./exportModules');

export function createExportHandlers(db: Db): ExportHandlers {
  return {
    exportNote: async ({ noteId, ...options }) => (await loadExport()).exportNote(db, noteId, options),
    exportSourceHighlights: async ({ sourceId, quotes }) => (await loadExport()).exportSourceHighlights(db, sourceId, quotes),
  };
}
