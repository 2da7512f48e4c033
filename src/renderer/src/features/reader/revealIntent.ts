import { useSyncExternalStore } from 'react';
import type { SnippetSegment } from '../../../../shared/search/snippet';
import { selectHighlight } from '../highlights/highlightFocus';

/**
 * The one way to "open this source at this passage" (issue 11): a citation in a note, a search
 * result, a deep link, a row of Passages or Compare, an item of the Highlights panel all call
 *
 *   openSource(sourceId); revealInReader(sourceId, target);
 *
 * and the reader of that source consumes the intent once (useHighlightPainting): it scrolls to the
 * passage (yielding to the person's own scrolling) and marks it. Order does not matter: the intent
 * waits until a reader of that source has its text and highlights. A newer intent replaces an
 * older one that was not shown yet.
 */
export type RevealTarget =
  /** A highlight: flashed and selected; when it is gone (deleted since it was cited), the first place of `quote`. */
  | { kind: 'highlight'; highlightId: number; quote: string | null }
  /** Where a source result of a search matched: the first marked word, marked until the next intent. */
  | { kind: 'match'; segments: readonly SnippetSegment[] }
  /** Quoted words without a highlight (a citation of a quote): their paragraph, flashed. */
  | { kind: 'quote'; quote: string };

export interface RevealIntent {
  sourceId: number;
  target: RevealTarget;
  /** Tells two intents for the same passage apart, so asking twice shows it twice. */
  serial: number;
}

let pending: RevealIntent | null = null;
let serial = 0;
const listeners = new Set<() => void>();

const emit = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function revealInReader(sourceId: number, target: RevealTarget): void {
  pending = { sourceId, target, serial: ++serial };
  // The panel shows which highlight it is at once, before the reader has scrolled.
  if (target.kind === 'highlight') selectHighlight(sourceId, target.highlightId);
  emit();
}

/** Called by the reader once it has acted on the intent, so it is shown once. */
export function takeRevealIntent(intent: RevealIntent): void {
  if (pending !== intent) return;
  pending = null;
  emit();
}

export function useRevealIntent(sourceId: number): RevealIntent | null {
  return useSyncExternalStore(subscribe, () => (pending?.sourceId === sourceId ? pending : null));
}
