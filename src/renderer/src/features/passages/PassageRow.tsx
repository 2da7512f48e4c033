import type { DragEvent } from 'react';
import { memo } from 'react';
import type { Passage } from '../../../../shared/domain/compare';
import type { CitationTransfer } from '../../../../shared/notes/citationPayload';
import { CITATION_DRAG_TYPE, highlightCitation } from '../../../../shared/notes/citationPayload';
import { useCite } from '../highlights/citeInNote';
import { TranslationLine } from '../highlights/TranslationLine';

const sourceFacts = (passage: Passage) => ({ id: passage.sourceId, title: passage.title, outlet: passage.outlet, author: passage.author, publishedAt: passage.publishedAt, citekey: passage.citekey });

function startDrag(event: DragEvent, passage: Passage): void {
  const transfer: CitationTransfer = { ...highlightCitation(sourceFacts(passage), passage), mode: 'cite' };
  event.dataTransfer.setData(CITATION_DRAG_TYPE, JSON.stringify(transfer));
  event.dataTransfer.setData('text/plain', passage.exact);
  event.dataTransfer.effectAllowed = 'copy';
}

interface PassageRowProps {
  passage: Passage;
  rowIndex: number;
  onOpen: (passage: Passage) => void;
}

/**
 * One passage: the quote opens the reader at it; "Cite in note" and dragging cite it. Memoized: a
 * scroll re-renders the table, and only the rows it brings in need drawing.
 */
export const PassageRow = memo(function PassageRow({ passage, rowIndex, onOpen }: PassageRowProps) {
  const cite = useCite();
  return (
    <div role="row" aria-rowindex={rowIndex} className="passage-row" data-focus-row={passage.id} draggable onDragStart={(event) => startDrag(event, passage)}>
      <div role="cell" className="passage-quote">
        <span className={`passage-swatch swatch-${passage.color}`} aria-label={`${passage.color} highlight`} role="img" />
        <button type="button" className="link-button" data-focus-control="open" onClick={() => onOpen(passage)} title="Open the reader at this passage">
          {passage.exact}
        </button>
        {passage.orphaned ? <span className="passage-orphaned"> (orphaned)</span> : null}
        {passage.translation ? <TranslationLine translation={passage.translation} className="quote-translation passage-translation" /> : null}
        {passage.comment ? <p className="passage-comment">{passage.comment}</p> : null}
      </div>
      <div role="cell" className="passage-source">
        <bdi>{passage.title}</bdi>
      </div>
      <div role="cell">{passage.outlet ?? <span className="missing">—</span>}</div>
      <div role="cell">{passage.country ?? <span className="missing">—</span>}</div>
      <div role="cell">{passage.publishedAt ?? <span className="missing">undated</span>}</div>
      <div role="cell" className="passage-codes">
        {passage.codes.map((code) => (
          <span key={code} className="code-chip">
            {code}
          </span>
        ))}
      </div>
      <div role="cell">
        {cite ? (
          <button type="button" className="button button-small" data-focus-control="cite" onClick={() => cite(highlightCitation(sourceFacts(passage), passage), 'cite')} aria-label={`Cite in note: ${passage.exact.slice(0, 60)}`}>
            Cite in note
          </button>
        ) : null}
      </div>
    </div>
  );
});
