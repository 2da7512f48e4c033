/** Everything export offers, behind one module so callers can load it lazily (createExportHandlers.ts). */
export { exportNote } from './exportNote';
export type { ExportNoteOptions } from './exportNote';
export { exportAllNotes, BIBLIOGRAPHY_STEM } from './exportFolder';
export type { FolderExportResult } from './exportFolder';
export { exportSourceHighlights } from './exportSourceHighlights';
