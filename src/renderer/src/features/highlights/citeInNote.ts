import type { DragEvent } from 'react';
import { useContext } from 'react';
import type { Highlight } from '../../../../shared/domain/highlight';
import type { SourceSummary } from '../../../../shared/domain/source';
import type { CitationPayload, CitationTransfer, CiteMode } from '../../../../shared/notes/citationPayload';
import { CITATION_DRAG_TYPE, highlightCitation } from '../../../../shared/notes/citationPayload';
import { NotesContext } from '../notes/NotesContext';

/** What a citation snapshots of its source. */
export type CitedSource = Pick<SourceSummary, 'id' | 'title' | 'outlet' | 'author' | 'publishedAt' | 'citekey'>;

/**
 * Citing a highlight in the open note, when the notes feature is there (the NotesProvider above
 * the reader); null where it is not, and the cite buttons are then not shown.
 */
export function useCite(): ((citation: CitationPayload, mode: CiteMode) => void) | null {
  return useContext(NotesContext)?.cite ?? null;
}

/**
 * Starts dragging a highlight as a citation (`application/x-marginalia-citation`, validated by
 * the note editor on drop), with the quote as plain text for anything else it is dropped on.
 */
export function startCitationDrag(event: DragEvent, source: CitedSource, highlight: Highlight): void {
  const transfer: CitationTransfer = { ...highlightCitation(source, highlight), mode: 'cite' };
  event.dataTransfer.setData(CITATION_DRAG_TYPE, JSON.stringify(transfer));
  event.dataTransfer.setData('text/plain', highlight.exact);
  event.dataTransfer.effectAllowed = 'copy';
}
