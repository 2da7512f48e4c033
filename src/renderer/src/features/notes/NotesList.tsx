import type { NoteSummary } from '../../../../shared/domain/note';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { QueryState } from '../../hooks/useQuery';
import { useQuery } from '../../hooks/useQuery';
import { useVirtualRows } from '../../hooks/useVirtualRows';
import { NoteListItem } from './NoteListItem';

/** Every live note, most recently edited first (the library sorts). */
export function useNoteList(): QueryState<NoteSummary[]> {
  return useQuery('notes', () => api.listNotes({}), { dependencies: [{ kind: 'notes' }] });
}

export function NotesList() {
  const list = useNoteList();
  if (list.error && !list.data) return <ErrorBanner title="The notes could not be loaded." message={errorMessage(list.error, 'load the notes')} onRetry={list.retry} />;
  if (!list.data) return <p className="loading">Loading the notes…</p>;
  if (list.data.length === 0) {
    return (
      <div className="notes-empty">
        <p>No notes yet.</p>
        <p>“New note” starts one. In the reader, “Cite in note” starts one with its first citation.</p>
      </div>
    );
  }
  return <NoteRows notes={list.data} />;
}

/** The rows, a window at a time once the list is long (10,000 notes scroll as 10 do). */
function NoteRows({ notes }: { notes: readonly NoteSummary[] }) {
  const rows = useVirtualRows(notes.length, { estimate: 52 });
  const list = (
    <ul className="notes-list" aria-label="All notes, most recently edited first" style={rows.style}>
      {rows.windowed
        ? rows.indexes.map((index) => <NoteListItem key={notes[index]!.id} note={notes[index]!} index={index} measure={rows.measure} />)
        : notes.map((note) => <NoteListItem key={note.id} note={note} />)}
    </ul>
  );
  return rows.windowed ? (
    <div className="virtual-scroll notes-list-scroll" ref={rows.scrollRef}>
      {list}
    </div>
  ) : (
    list
  );
}
