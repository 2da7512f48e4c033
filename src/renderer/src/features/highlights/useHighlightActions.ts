import { useMemo, useState } from 'react';
import type { Highlight, HighlightColor } from '../../../../shared/domain/highlight';
import type { HighlightTranslation } from '../../../../shared/domain/translation';
import { mutate } from '../../api/mutate';
import { errorMessage } from '../../api/errorMessage';
import type { ArticleSelection } from './articleSelection';
import { clearArticleSelectionIf } from './articleSelection';
import { revealInReader } from '../reader/revealIntent';
import { removeHighlightLocally, replaceHighlight } from './useSourceHighlights';

/** The panel's last outcome: what happened, and the highlight an "Undo" would bring back. */
export interface PanelNotice {
  message: string;
  undo?: Highlight;
}

export interface HighlightActions {
  setColor(highlight: Highlight, color: HighlightColor): Promise<void>;
  setComment(highlight: Highlight, comment: string): Promise<void>;
  /** null removes the translation. */
  setTranslation(highlight: Highlight, translation: HighlightTranslation | null): Promise<void>;
  addTag(highlight: Highlight, tag: string): Promise<boolean>;
  removeTag(highlight: Highlight, tag: string): Promise<void>;
  remove(highlight: Highlight): Promise<void>;
  /** Restores a deleted highlight exactly (same id, colour, comment, tags, dates). */
  undoDelete(deleted: Highlight): Promise<Highlight | null>;
  reattach(highlight: Highlight, selection: ArticleSelection): Promise<void>;
  notify(notice: PanelNotice | null): void;
  fail(message: string | null): void;
}

/**
 * The panel's edits. Each applies the library's answer at once (the list does not wait for its
 * re-fetch) and says what went wrong, naming the highlight, when the library refuses.
 */
export function useHighlightActions(): { actions: HighlightActions; notice: PanelNotice | null; error: string | null } {
  const [notice, setNotice] = useState<PanelNotice | null>(null);
  const [error, setError] = useState<string | null>(null);

  const actions = useMemo<HighlightActions>(() => {
    const apply = async (doing: string, change: () => Promise<Highlight>): Promise<Highlight | null> => {
      setError(null);
      try {
        const changed = await change();
        replaceHighlight(changed);
        return changed;
      } catch (failure) {
        setError(errorMessage(failure, doing));
        return null;
      }
    };
    const quoteOf = (highlight: Highlight) => (highlight.exact.length > 40 ? `“${highlight.exact.slice(0, 40)}…”` : `“${highlight.exact}”`);
    return {
      async setColor(highlight, color) {
        await apply(`change the colour of ${quoteOf(highlight)}`, () => mutate('updateHighlight', { id: highlight.id, patch: { color } }));
      },
      async setComment(highlight, comment) {
        await apply(`save the comment on ${quoteOf(highlight)}`, () => mutate('updateHighlight', { id: highlight.id, patch: { comment } }));
      },
      async setTranslation(highlight, translation) {
        await apply(`${translation ? 'save' : 'remove'} the translation of ${quoteOf(highlight)}`, () => mutate('updateHighlight', { id: highlight.id, patch: { translation } }));
      },
      async addTag(highlight, tag) {
        return (await apply(`add the tag “${tag}” to ${quoteOf(highlight)}`, () => mutate('addHighlightTag', { id: highlight.id, tag }))) !== null;
      },
      async removeTag(highlight, tag) {
        await apply(`remove the tag “${tag}” from ${quoteOf(highlight)}`, () => mutate('removeHighlightTag', { id: highlight.id, tag }));
      },
      async remove(highlight) {
        setError(null);
        try {
          const deleted = await mutate('deleteHighlight', { id: highlight.id });
          removeHighlightLocally(deleted);
          setNotice({ message: `Deleted the highlight ${quoteOf(deleted)}.`, undo: deleted });
        } catch (failure) {
          setError(errorMessage(failure, `delete the highlight ${quoteOf(highlight)}`));
        }
      },
      async undoDelete(deleted) {
        const restored = await apply(`restore the highlight ${quoteOf(deleted)}`, () => mutate('restoreHighlight', { highlight: deleted }));
        if (!restored) return null;
        setNotice({ message: restored.orphaned ? `Restored ${quoteOf(restored)}; the text has changed, so it is listed under Orphaned highlights.` : `Restored the highlight ${quoteOf(restored)}.` });
        revealInReader(restored.sourceId, { kind: 'highlight', highlightId: restored.id, quote: null });
        return restored;
      },
      async reattach(highlight, selection) {
        const attached = await apply(`re-attach ${quoteOf(highlight)}`, () => mutate('reattachHighlight', { id: highlight.id, start: selection.start, end: selection.end }));
        if (!attached) return;
        clearArticleSelectionIf(selection);
        setNotice({ message: `Re-attached the highlight to ${quoteOf(attached)}.` });
        revealInReader(attached.sourceId, { kind: 'highlight', highlightId: attached.id, quote: null });
      },
      notify: setNotice,
      fail: setError,
    };
  }, []);

  return { actions, notice, error };
}
