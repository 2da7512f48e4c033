import type { RefObject } from 'react';
import { useCallback, useState } from 'react';
import type { Highlight, HighlightColor } from '../../../../shared/domain/highlight';
import type { Source } from '../../../../shared/domain/source';
import type { CiteMode } from '../../../../shared/notes/citationPayload';
import { highlightCitation } from '../../../../shared/notes/citationPayload';
import { mutate } from '../../api/mutate';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePersistentState } from '../../hooks/usePersistentState';
import { clearArticleSelectionIf, currentArticleSelection } from './articleSelection';
import { ArticleCaret } from './ArticleCaret';
import { useCite } from './citeInNote';
import { COLOR_LABELS, parseColor } from './colors';
import { focusHighlightItem, selectHighlight } from './highlightFocus';
import { SelectionToolbar } from './SelectionToolbar';
import { useArticleInteractions } from './useArticleInteractions';
import { useHighlightPainting } from './useHighlightPainting';
import { useSelectionTracking } from './useSelectionTracking';
import { replaceHighlight, useSourceHighlights } from './useSourceHighlights';
import './highlights.css';

interface HighlightLayerProps {
  source: Source;
  articleRef: RefObject<HTMLElement | null>;
}

/** Everything the reader's article does with highlights: painting, the selection toolbar, keys, clicks. */
export function HighlightLayer({ source, articleRef }: HighlightLayerProps) {
  const sourceId = source.id;
  const { highlights } = useSourceHighlights(sourceId);
  const [color, setColor] = usePersistentState<HighlightColor>('highlights.color', 'yellow', parseColor);
  const [error, setError] = useState<string | null>(null);

  useHighlightPainting(articleRef, sourceId, source.body, highlights);
  useSelectionTracking(articleRef, sourceId, source.body);

  const highlight = useCallback(
    async (chosen: HighlightColor): Promise<Highlight | null> => {
      const selection = currentArticleSelection(sourceId);
      if (!selection) return null;
      setColor(chosen);
      setError(null);
      // Chosen from the toolbar by keyboard: focus follows to the new item (the toolbar goes away).
      const fromKeyboard = document.activeElement?.closest('[role="toolbar"]') != null;
      try {
        const created = await mutate('createHighlight', { sourceId, start: selection.start, end: selection.end, color: chosen });
        replaceHighlight(created);
        clearArticleSelectionIf(selection);
        selectHighlight(sourceId, created.id);
        if (fromKeyboard) focusHighlightItem(sourceId, created.id);
        return created;
      } catch (failure) {
        setError(errorMessage(failure, 'save this highlight'));
        return null;
      }
    },
    [sourceId, setColor],
  );

  useArticleInteractions(articleRef, sourceId, highlights, () => void highlight(color));

  // Citing a selection highlights it first: a citation points at a highlight.
  const cite = useCite();
  const citeSelection = async (mode: CiteMode) => {
    const created = await highlight(color);
    if (created && cite) cite(highlightCitation(source, created), mode);
  };

  const colorName = COLOR_LABELS[color].toLowerCase();
  return (
    <>
      <ArticleCaret articleRef={articleRef} />
      <SelectionToolbar sourceId={sourceId} articleRef={articleRef} defaultColor={color} onHighlight={(chosen) => void highlight(chosen)}>
        {cite ? (
          <span className="selection-toolbar-cite">
            {/* The name says what the click also does: a citation points at a highlight, so one is made. */}
            <button type="button" tabIndex={-1} aria-label={`Cite in note (highlights it in ${colorName})`} title={`Highlights the words in ${colorName}, then cites them in the open note`} onClick={() => void citeSelection('cite')}>
              Cite in note
            </button>
            <button type="button" tabIndex={-1} aria-label={`Quote in note (highlights it in ${colorName})`} title={`Highlights the words in ${colorName}, then quotes them in the open note`} onClick={() => void citeSelection('quote')}>
              Quote in note
            </button>
          </span>
        ) : null}
      </SelectionToolbar>
      {error ? (
        <div className="highlight-error">
          <ErrorBanner title="The highlight was not saved." message={error} onDismiss={() => setError(null)} />
        </div>
      ) : null}
    </>
  );
}
