import { useSyncExternalStore } from 'react';

/**
 * Which highlight the reader is on, per source (its item in the panel, an underline in the text),
 * and which item of the panel should take keyboard focus. Showing a passage from elsewhere is
 * the reader's reveal intent (features/reader/revealIntent.ts), which selects through here.
 */
let selected = new Map<number, number>();
/** An item of the panel that should take keyboard focus once it is rendered. */
let itemToFocus: { sourceId: number; highlightId: number } | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setSelected(sourceId: number, highlightId: number | null): boolean {
  if ((selected.get(sourceId) ?? null) === highlightId) return false;
  selected = new Map(selected);
  if (highlightId === null) selected.delete(sourceId);
  else selected.set(sourceId, highlightId);
  return true;
}

/** Marks a highlight as the current one (its item in the panel, an underline in the text). */
export function selectHighlight(sourceId: number, highlightId: number | null): void {
  if (setSelected(sourceId, highlightId)) emit();
}

export function useSelectedHighlight(sourceId: number): number | null {
  return useSyncExternalStore(subscribe, () => selected.get(sourceId) ?? null);
}

/**
 * Moves keyboard focus to a highlight's item in the panel once it is there (just created from
 * the keyboard, or restored by Undo), so a keyboard user continues where the highlight is.
 */
export function focusHighlightItem(sourceId: number, highlightId: number): void {
  itemToFocus = { sourceId, highlightId };
  emit();
}

/** True for the item that should take focus; it calls takeItemFocus once it has. */
export function useItemFocusRequest(sourceId: number, highlightId: number): boolean {
  return useSyncExternalStore(subscribe, () => itemToFocus?.sourceId === sourceId && itemToFocus.highlightId === highlightId);
}

export function takeItemFocus(): void {
  itemToFocus = null;
  emit();
}
