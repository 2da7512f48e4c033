import type { Anchor } from '../../shared/anchoring/anchor';
import { createAnchor, rangeProblem } from '../../shared/anchoring/anchor';
import { reanchor } from '../../shared/anchoring/reanchor';
import type { Highlight, HighlightColor, HighlightPatch } from '../../shared/domain/highlight';
import type { HighlightTranslation } from '../../shared/domain/translation';
import { ApiError } from '../../shared/api/errors';
import type { Db } from '../db/db';
import { reindexHighlight } from '../search/searchIndex';
import { getHighlight, requireSourceBody } from './highlightRows';
import { attachTags, deleteUnusedTags } from './tags';
import { writeTransaction } from '../db/writeTransaction';

export interface HighlightFields {
  sourceId: number;
  anchor: Anchor;
  orphaned: boolean;
  color: HighlightColor;
  comment: string;
  tags: readonly string[];
  translation?: HighlightTranslation | null;
  /** Set only to re-create a deleted highlight under its old id (undo). */
  id?: number;
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts one highlight with its tags; the caller holds the transaction and has checked the anchor. */
export function insertHighlight(db: Db, fields: HighlightFields): number {
  const now = new Date().toISOString();
  const { anchor } = fields;
  const info = db
    .prepare(
      `INSERT INTO highlights (id, source_id, start, end, exact, prefix, suffix, color, comment, translation, translation_language, translation_tool, orphaned, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      fields.id ?? null,
      fields.sourceId,
      anchor.start,
      anchor.end,
      anchor.exact,
      anchor.prefix,
      anchor.suffix,
      fields.color,
      fields.comment,
      fields.translation?.text ?? null,
      fields.translation?.language ?? null,
      fields.translation?.tool ?? null,
      fields.orphaned ? 1 : 0,
      fields.createdAt ?? now,
      fields.updatedAt ?? now,
    );
  const id = Number(info.lastInsertRowid);
  attachTags(db, id, fields.tags);
  return id;
}

/** The anchor of a range the researcher selected, or an invalid_request error saying what is wrong with it. */
export function anchorSelection(body: string, sourceId: number, start: number, end: number): Anchor {
  const problem = rangeProblem(body, start, end);
  if (problem) throw new ApiError('invalid_request', `Cannot highlight in source ${sourceId}: ${problem}`);
  return createAnchor(body, start, end);
}

export interface CreateHighlightInput {
  sourceId: number;
  start: number;
  end: number;
  color?: HighlightColor;
  comment?: string;
  tags?: readonly string[];
}

/** Highlights body[start, end) of a source; `exact` is stored exactly as those words. */
export function createHighlight(db: Db, input: CreateHighlightInput): Highlight {
  return writeTransaction(db, () => {
    const anchor = anchorSelection(requireSourceBody(db, input.sourceId), input.sourceId, input.start, input.end);
    const id = insertHighlight(db, {
      sourceId: input.sourceId,
      anchor,
      orphaned: false,
      color: input.color ?? 'yellow',
      comment: input.comment ?? '',
      tags: input.tags ?? [],
    });
    return getHighlight(db, id);
  });
}

const sameTranslation = (a: HighlightTranslation | null, b: HighlightTranslation | null) =>
  a === b || (a !== null && b !== null && a.text === b.text && a.language === b.language && a.tool === b.tool);

/** Changes colour, comment or translation; the comment and the translation are searchable text. */
export function updateHighlight(db: Db, id: number, patch: HighlightPatch): Highlight {
  return writeTransaction(db, () => {
    const current = getHighlight(db, id);
    const color = patch.color ?? current.color;
    const comment = patch.comment ?? current.comment;
    const translation = patch.translation === undefined ? current.translation : patch.translation;
    const translationChanged = !sameTranslation(translation, current.translation);
    if (color !== current.color || comment !== current.comment || translationChanged) {
      db.prepare('UPDATE highlights SET color = ?, comment = ?, translation = ?, translation_language = ?, translation_tool = ?, updated_at = ? WHERE id = ?').run(
        color,
        comment,
        translation?.text ?? null,
        translation?.language ?? null,
        translation?.tool ?? null,
        new Date().toISOString(),
        id,
      );
      if (comment !== current.comment || (translation?.text ?? null) !== (current.translation?.text ?? null)) reindexHighlight(db, id);
    }
    return getHighlight(db, id);
  });
}

/**
 * Deletes a highlight and returns it whole: handing that back to restoreHighlight (undo)
 * re-creates it with the same id, so citations of it in notes work again.
 */
export function deleteHighlight(db: Db, id: number): Highlight {
  return writeTransaction(db, () => {
    const deleted = getHighlight(db, id);
    db.prepare('DELETE FROM highlights WHERE id = ?').run(id);
    reindexHighlight(db, id);
    deleteUnusedTags(db);
    return deleted;
  });
}

/**
 * Re-creates a deleted highlight under its old id, with its colour, comment, tags and dates.
 * If the source's text was corrected in between, the highlight is re-anchored in the new text
 * (or comes back orphaned) rather than restored onto offsets that now mean other words.
 */
export function restoreHighlight(db: Db, highlight: Highlight): Highlight {
  return writeTransaction(db, () => {
    if (db.prepare('SELECT 1 FROM highlights WHERE id = ?').get(highlight.id)) {
      throw new ApiError('conflict', `Highlight ${highlight.id} already exists; it was restored already.`);
    }
    const body = requireSourceBody(db, highlight.sourceId);
    const found = reanchor(body, highlight);
    const orphaned = found.status === 'orphaned' || rangeProblem(body, found.start, found.end) !== null;
    insertHighlight(db, {
      id: highlight.id,
      sourceId: highlight.sourceId,
      anchor: orphaned ? highlight : createAnchor(body, found.start, found.end),
      orphaned,
      color: highlight.color,
      comment: highlight.comment,
      tags: highlight.tags,
      translation: highlight.translation,
      createdAt: highlight.createdAt,
      updatedAt: highlight.updatedAt,
    });
    return getHighlight(db, highlight.id);
  });
}

/** Attaches a highlight (typically an orphan) to a range the researcher chose in the current text. */
export function reattachHighlight(db: Db, id: number, start: number, end: number): Highlight {
  return writeTransaction(db, () => {
    const current = getHighlight(db, id);
    const anchor = anchorSelection(requireSourceBody(db, current.sourceId), current.sourceId, start, end);
    db.prepare('UPDATE highlights SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ?, orphaned = 0, updated_at = ? WHERE id = ?').run(
      anchor.start,
      anchor.end,
      anchor.exact,
      anchor.prefix,
      anchor.suffix,
      new Date().toISOString(),
      id,
    );
    reindexHighlight(db, id);
    return getHighlight(db, id);
  });
}
