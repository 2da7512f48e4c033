import { useSyncExternalStore } from 'react';
import type { TextRange } from './articleOffsets';

/**
 * The words currently selected in the reader's article, as body offsets, for controls outside
 * the article: "Re-attach" on an orphan attaches it to them. The article publishes; null when
 * nothing (or only white space) is selected there.
 */
export interface ArticleSelection extends TextRange {
  sourceId: number;
}

let current: ArticleSelection | null = null;
const listeners = new Set<() => void>();

export function publishArticleSelection(selection: ArticleSelection | null): void {
  const same = selection === current || (selection && current && selection.sourceId === current.sourceId && selection.start === current.start && selection.end === current.end);
  if (same) return;
  current = selection;
  for (const listener of listeners) listener();
}

export function currentArticleSelection(sourceId: number): ArticleSelection | null {
  return current?.sourceId === sourceId ? current : null;
}

export function useArticleSelection(sourceId: number): ArticleSelection | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => currentArticleSelection(sourceId),
  );
}

/**
 * Clears the document selection if it is still the one that was acted on: an answer that arrives
 * after the user selected something else must not take the new selection away.
 */
export function clearArticleSelectionIf(acted: ArticleSelection): void {
  const now = current;
  if (now && now.sourceId === acted.sourceId && now.start === acted.start && now.end === acted.end) document.getSelection()?.removeAllRanges();
}
