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

// Articles whose selection changed and is published at their next frame (useSelectionTracking).
const pending = new Set<() => void>();

/** Tracks a publish waiting for its frame, so an action can take the selection as it is now. */
export function awaitingPublish(publish: () => void, waiting: boolean): void {
  if (waiting) pending.add(publish);
  else pending.delete(publish);
}

/**
 * Publishes at once any selection still waiting for its frame: a key pressed right after the
 * words were selected (within a frame, or a busy machine's few) acts on them, not on the words
 * selected before.
 */
export function flushArticleSelection(): void {
  for (const publish of [...pending]) publish();
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
