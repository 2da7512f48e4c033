import { memo, useEffect, useRef } from 'react';
import type { Highlight } from '../../../../shared/domain/highlight';
import { CitedIn } from '../notes/CitedIn';
import type { CitedSource } from './citeInNote';
import { startCitationDrag } from './citeInNote';
import { COLOR_LABELS } from './colors';
import { revealInReader } from '../reader/revealIntent';
import { takeItemFocus, useItemFocusRequest } from './highlightFocus';
import { HighlightEditor } from './HighlightEditor';
import { TranslationLine } from './TranslationLine';
import type { HighlightActions } from './useHighlightActions';

interface HighlightItemProps {
  source: CitedSource;
  highlight: Highlight;
  /** The selected item is expanded into its editor. */
  selected: boolean;
  tagSuggestions: readonly string[];
  actions: HighlightActions;
  /** Where it is in a windowed list, which measures it (useVirtualRows). */
  index?: number;
  measure?: (element: Element | null) => void;
}

const INTERACTIVE = 'button, select, input, textarea, a, label';

/**
 * One highlight in the panel: its quote (a button that shows the passage in the text and the
 * handle to drag it into a note as a citation), colour, tags and comment. Only the selected item
 * carries the editing controls and its "Cited in" notes: a source with 1,000 highlights must not
 * mount 1,000 forms, nor ask 1,000 times who cites them.
 */
export const HighlightItem = memo(function HighlightItem({ source, highlight, selected, tagSuggestions, actions, index, measure }: HighlightItemProps) {
  const itemRef = useRef<HTMLLIElement>(null);
  const quoteRef = useRef<HTMLButtonElement>(null);
  const show = () => revealInReader(source.id, { kind: 'highlight', highlightId: highlight.id, quote: null });
  const focus = useItemFocusRequest(source.id, highlight.id);

  useEffect(() => {
    if (selected) itemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  useEffect(() => {
    if (!focus) return;
    quoteRef.current?.focus();
    takeItemFocus();
  }, [focus]);

  return (
    <li
      ref={(element) => {
        itemRef.current = element;
        measure?.(element);
      }}
      data-index={index}
      className={`highlight-item color-${highlight.color}${selected ? ' is-selected' : ''}`}
      aria-current={selected || undefined}
      data-highlight-id={highlight.id}
      onClick={(event) => {
        if (!(event.target as Element).closest(INTERACTIVE)) show();
      }}
    >
      <button
        ref={quoteRef}
        type="button"
        className="highlight-quote"
        draggable
        onDragStart={(event) => startCitationDrag(event, source, highlight)}
        onClick={show}
        aria-expanded={selected}
        title="Show in the text and edit (drag into a note to cite)"
      >
        {highlight.exact}
      </button>
      {highlight.translation ? <TranslationLine translation={highlight.translation} /> : null}
      {selected ? (
        <>
          <HighlightEditor source={source} highlight={highlight} tagSuggestions={tagSuggestions} actions={actions} />
          <CitedIn sourceId={source.id} highlightId={highlight.id} />
        </>
      ) : (
        <div className="highlight-summary">
          <span className="visually-hidden">{COLOR_LABELS[highlight.color]}</span>
          {highlight.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
          {highlight.comment ? <p className="highlight-summary-comment">{highlight.comment}</p> : null}
        </div>
      )}
    </li>
  );
});
