import { useSyncExternalStore } from 'react';

/**
 * Which highlight the reader is on, per source, and requests to bring one into view. This is
 * how anything outside the reader (a citation in a note, search results) shows a passage:
 *
 *   openSource(sourceId); revealHighlight(sourceId, highlightId, quote);
 *
 * The request waits until a reader of that source has the highlight's list, then that reader
 * scrolls to it, flashes it and selects its item in the Highlights panel. Order does not matter:
 * ask before or after the reader opens. When the highlight is gone (deleted since it was cited),
 * the first occurrence of `quote` in the text is shown instead, if there is one.
 */
export interface RevealRequest {
  sourceId: number;
  highlightId: number;
  /** The quoted words, shown instead when the highlight no longer exists. */
  quote: string | null;
  /** Tells two requests for the same highlight apart, so clicking an item twice flashes twice. */
  serial: number;
}

let selected = new Map<number, number>();
let pending: RevealRequest | null = null;
/** An item of the panel that should take keyboard focus once it is rendered. */
let itemToFocus: { sourceId: number; highlightId: number } | null = null;
let serial = 0;
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

/** Scroll the reader of `sourceId` to a highlight, flash it and select it (see above). */
export function revealHighlight(sourceId: number, highlightId: number, quote: string | null = null): void {
  serial += 1;
  pending = { sourceId, highlightId, quote, serial };
  setSelected(sourceId, highlightId);
  emit();
}

/** Marks a highlight as the current one (its item in the panel, an underline in the text). */
export function selectHighlight(sourceId: number, highlightId: number | null): void {
  if (setSelected(sourceId, highlightId)) emit();
}

/** Called by the reader once it has acted on a request. */
export function takeRevealRequest(request: RevealRequest): void {
  if (pending === request) {
    pending = null;
    emit();
  }
}

export function useSelectedHighlight(sourceId: number): number | null {
  return useSyncExternalStore(subscribe, () => selected.get(sourceId) ?? null);
}

export function useRevealRequest(sourceId: number): RevealRequest | null {
  return useSyncExternalStore(subscribe, () => (pending?.sourceId === sourceId ? pending : null));
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
