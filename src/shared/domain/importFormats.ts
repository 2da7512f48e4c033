/** Largest file the importer accepts; a news article is far smaller, a mistaken video is not. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * The file types the importer reads, by extension. One list for the app's file chooser and folder
 * walk and for core's parsers (typed against it in src/core/import/parseFile.ts), so they cannot disagree.
 */
export const SUPPORTED_IMPORT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.pdf'] as const;
export type SupportedImportExtension = (typeof SUPPORTED_IMPORT_EXTENSIONS)[number];

/** A name's extension, lower case, as Node's path.extname reads it: "" for ".profile" or "README". */
export function importExtension(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function isSupportedImportName(name: string): boolean {
  return (SUPPORTED_IMPORT_EXTENSIONS as readonly string[]).includes(importExtension(name));
}
