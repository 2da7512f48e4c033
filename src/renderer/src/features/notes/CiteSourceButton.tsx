import type { SourceSummary } from '../../../../shared/domain/source';
import { sourceCitation } from '../../../../shared/notes/citationPayload';
import { useNotes } from './NotesContext';

/** "Cite in note" in the reader's header: cites the whole source at the caret of the open note. */
export function CiteSourceButton({ source }: { source: SourceSummary }) {
  const notes = useNotes();
  return (
    <button type="button" className="button" onClick={() => notes.cite(sourceCitation(source), 'cite')} title="Insert a citation of this source at the caret of the open note">
      Cite in note
    </button>
  );
}
