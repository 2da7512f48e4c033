import { useId } from 'react';
import type { Highlight } from '../../../../shared/domain/highlight';
import { currentArticleSelection } from './articleSelection';
import type { HighlightActions } from './useHighlightActions';

interface OrphanedHighlightsProps {
  sourceId: number;
  orphans: readonly Highlight[];
  selectedId: number | null;
  actions: HighlightActions;
}

/**
 * Highlights whose words were not found again after the text changed. They are never moved
 * silently: the researcher selects the right words in the article and re-attaches, or deletes.
 */
export function OrphanedHighlights({ sourceId, orphans, selectedId, actions }: OrphanedHighlightsProps) {
  const headingId = useId();
  const reattach = (orphan: Highlight) => {
    const selection = currentArticleSelection(sourceId);
    if (!selection) {
      actions.notify({ message: 'Select the words in the article that this highlight should mark, then choose Re-attach.' });
      return;
    }
    void actions.reattach(orphan, selection);
  };
  return (
    <section className="orphaned-highlights" aria-labelledby={headingId}>
      <h3 id={headingId} className="highlights-subheading">
        Orphaned highlights
      </h3>
      <p className="highlights-hint">The text changed and these passages were not found again. Select the right words in the article and choose Re-attach, or delete them.</p>
      <ul className="highlight-list">
        {orphans.map((orphan) => (
          <li key={orphan.id} className={`highlight-item is-orphan color-${orphan.color}${orphan.id === selectedId ? ' is-selected' : ''}`} aria-current={orphan.id === selectedId || undefined}>
            <blockquote className="highlight-quote is-static">{orphan.exact}</blockquote>
            {orphan.comment ? <p className="highlight-orphan-comment">{orphan.comment}</p> : null}
            <div className="highlight-item-row">
              {/* mousedown cancelled: the click must not clear the selection it re-attaches to. */}
              <button type="button" className="button button-small" onMouseDown={(event) => event.preventDefault()} onClick={() => reattach(orphan)}>
                Re-attach
              </button>
              <button type="button" className="button button-small button-quiet button-danger-quiet" aria-label="Delete highlight" onClick={() => void actions.remove(orphan)}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
