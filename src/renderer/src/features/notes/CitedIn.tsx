import type { NoteBacklink } from '../../../../shared/api/notes';
import { api } from '../../api/client';
import type { QueryState } from '../../hooks/useQuery';
import { useQuery } from '../../hooks/useQuery';
import { askAtMostEvery } from './askAtMostEvery';
import { useNotes } from './NotesContext';

/**
 * How often "Cited in" asks again while a note citing the source is being typed in. Each save of
 * the note (every few keystrokes) changes its `notes` and `citations`, since a save may add or
 * remove a citation; asking at each one put a request and a re-render of the reader's Highlights
 * panel on the keystroke path of the note beside it (issue 13, item 6). A change of the list (a
 * citation added, a note renamed) still shows within this long.
 */
export const BACKLINKS_REFRESH_MS = 1000;

/** listBacklinks of a source, at most once every BACKLINKS_REFRESH_MS. */
const askBacklinks = askAtMostEvery(BACKLINKS_REFRESH_MS, (sourceId: number) => api.listBacklinks({ sourceId }));

/** The same list as before is kept as it was, so what is derived from it is not derived again. */
const keepIfSame = (previous: NoteBacklink[] | undefined, next: NoteBacklink[]) => (previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next);

/** The notes citing a source, with each citation's highlight: fetch once per reader, filter per highlight. */
export function useBacklinks(sourceId: number): QueryState<NoteBacklink[]> {
  return useQuery(`backlinks:${sourceId}`, () => askBacklinks(sourceId), {
    merge: keepIfSame,
    // New citations of it, and any change to a note listed (renamed, deleted, no longer citing it).
    dependencies: (backlinks) => [
      { kind: 'citations', ids: [sourceId] },
      { kind: 'notes', ids: (backlinks ?? []).map((note) => note.noteId) },
    ],
  });
}

/** The backlinks that cite one highlight, for its item in the Highlights panel. */
export function backlinksOfHighlight(backlinks: readonly NoteBacklink[], highlightId: number): NoteBacklink[] {
  return backlinks
    .map((note) => ({ ...note, citations: note.citations.filter((citation) => citation.highlightId === highlightId) }))
    .filter((note) => note.citations.length > 0);
}

/**
 * "Cited in": links to the notes citing this source (or, given `highlightId`, this passage).
 * Each opens the note at its first such citation. Nothing is shown while nothing cites it.
 */
export function CitedIn({ sourceId, highlightId }: { sourceId: number; highlightId?: number }) {
  const notes = useNotes();
  const { data } = useBacklinks(sourceId);
  const backlinks = data && highlightId !== undefined ? backlinksOfHighlight(data, highlightId) : data;
  if (!backlinks || backlinks.length === 0) return null;
  return (
    <nav className="cited-in" aria-label={highlightId === undefined ? 'Cited in notes' : 'Passage cited in notes'}>
      <span className="cited-in-label">Cited in</span>
      <ul className="cited-in-list">
        {backlinks.map((note) => (
          <li key={note.noteId}>
            <button
              type="button"
              className="cited-in-note"
              aria-label={`Open “${note.title}” at the citation${note.citations.length > 1 ? ` (cited ${note.citations.length} times)` : ''}`}
              onClick={() => notes.openNote(note.noteId, { ordinal: note.citations[0]!.ordinal })}
            >
              <bdi>{note.title}</bdi>
              {note.citations.length > 1 ? <span className="cited-in-count"> ×{note.citations.length}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
