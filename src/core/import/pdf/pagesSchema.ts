import type { Db } from '../../db/db';

/**
 * Where each page of a PDF source starts in its canonical body (UTF-16 offsets, like highlight
 * anchors), so a highlight knows its page and a citation can say "p. 3" (issue 8). `label` is the
 * page's printed label when the PDF declares labels ("iv", "A-3"), null otherwise. Sources that are
 * not PDFs have no rows. Created by migration 4 (src/core/db/migrations/migration4PdfPages.ts).
 */
export interface PageStart {
  /** 1-based page number in the PDF. */
  page: number;
  /** Offset of the page's first character in the body; an empty page starts where the next one does. */
  start: number;
  label: string | null;
}

/** Called inside the source's insert transaction, so a source never exists without its pages. */
export function insertPages(db: Db, sourceId: number, pages: readonly PageStart[]): void {
  const insert = db.prepare('INSERT INTO source_pages (source_id, page, start, label) VALUES (?, ?, ?, ?)');
  for (const page of pages) insert.run(sourceId, page.page, page.start, page.label);
}

export function listPages(db: Db, sourceId: number): PageStart[] {
  return db.prepare('SELECT page, start, label FROM source_pages WHERE source_id = ? ORDER BY page').all(sourceId) as PageStart[];
}

/**
 * The page holding the character at `offset`, or null for a source without pages (not a PDF).
 * Of pages starting at the same offset (empty pages before a page), the last is the one with text.
 */
export function pageOfOffset(db: Db, sourceId: number, offset: number): { page: number; label: string | null } | null {
  const row = db
    .prepare('SELECT page, label FROM source_pages WHERE source_id = ? AND start <= ? ORDER BY start DESC, page DESC LIMIT 1')
    .get(sourceId, Math.max(0, offset)) as { page: number; label: string | null } | undefined;
  return row ?? null;
}
