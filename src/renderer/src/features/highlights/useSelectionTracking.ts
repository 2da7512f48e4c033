import type { RefObject } from 'react';
import { useEffect } from 'react';
import { selectedBodyRange } from './articleDom';
import { awaitingPublish, currentArticleSelection, publishArticleSelection } from './articleSelection';

/**
 * Publishes the article's selection (as body offsets) whenever it changes. While a pointer is
 * down in the article the selection is still being dragged out: publishing waits for the release,
 * so the toolbar does not chase the pointer.
 */
export function useSelectionTracking(articleRef: RefObject<HTMLElement | null>, sourceId: number, body: string): void {
  useEffect(() => {
    let frame = 0;
    let dragging = false;
    const publish = () => {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      awaitingPublish(publish, false);
      const article = articleRef.current;
      const range = article && !dragging ? selectedBodyRange(article, body) : null;
      publishArticleSelection(range ? { sourceId, ...range } : null);
    };
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(publish);
      awaitingPublish(publish, true);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.button === 0 && articleRef.current?.contains(event.target as Node)) dragging = true;
    };
    const onPointerUp = () => {
      if (!dragging) return;
      dragging = false;
      schedule();
    };
    document.addEventListener('selectionchange', schedule);
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('pointerup', onPointerUp, true);
    schedule();
    return () => {
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('pointerup', onPointerUp, true);
      if (frame) cancelAnimationFrame(frame);
      awaitingPublish(publish, false);
      // Another reader (a split view) may own the current selection: clear only this one's.
      if (currentArticleSelection(sourceId)) publishArticleSelection(null);
    };
  }, [articleRef, sourceId, body]);
}
