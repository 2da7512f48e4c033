import type { NoteSummary } from '../../../../shared/domain/note';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { QueryState } from '../../hooks/useQuery';
import { useQuery } from '../../hooks/useQuery';
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
  return (
    <ul className="notes-list" aria-label="All notes, most recently edited first">
      {list.data.map((note) => (
        <NoteListItem key={note.id} note={note} />
      ))}
    </ul>
  );
}
