import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useVirtualRows } from '../../hooks/useVirtualRows';
import { NoteListItem } from './NoteListItem';
import type { NotePages } from './useNotePages';
import { useNotePages } from './useNotePages';

/** The live notes, most recently edited first, read a page at a time (the library sorts and pages). */
export function NotesList() {
  const [range, setRange] = useState({ first: 0, last: 0 });
  const pages = useNotePages(range.first, range.last);
  if (pages.error && pages.total === null) return <ErrorBanner title="The notes could not be loaded." message={errorMessage(pages.error, 'load the notes')} onRetry={pages.retry} />;
  if (pages.total === null) return <p className="loading">Loading the notes…</p>;
  if (pages.total === 0) {
    return (
      <div className="notes-empty">
        <p>No notes yet.</p>
        <p>“New note” starts one. In the reader, “Cite in note” starts one with its first citation.</p>
      </div>
    );
  }
  return <NoteRows pages={pages} total={pages.total} onRange={setRange} />;
}

/** The rows, a window at a time once the list is long (10,000 notes scroll as 10 do); a row whose page is on its way says so. */
function NoteRows({ pages, total, onRange }: { pages: NotePages; total: number; onRange: (range: { first: number; last: number }) => void }) {
  const rows = useVirtualRows(total, { estimate: 52 });
  const indexes = rows.windowed ? rows.indexes : Array.from({ length: total }, (_, index) => index);
  const first = indexes[0] ?? 0;
  const last = indexes.at(-1) ?? 0;
  useEffect(() => onRange({ first, last }), [first, last, onRange]);
  const list = (
    <ul className="notes-list" aria-label="All notes, most recently edited first" style={rows.style}>
      {indexes.map((index) => {
        const note = pages.rowAt(index);
        if (!note) {
          return (
            // The shape of a loaded row (title and meta lines), so the list keeps its height when the page arrives.
            <li key={`pending-${index}`} className="notes-list-item" data-index={rows.windowed ? index : undefined} ref={rows.windowed ? rows.measure : undefined} aria-busy="true">
              <span className="notes-list-open">
                <span className="notes-list-title">Loading…</span>
                <span className="notes-list-meta">&nbsp;</span>
              </span>
            </li>
          );
        }
        return rows.windowed ? <NoteListItem key={note.id} note={note} index={index} measure={rows.measure} /> : <NoteListItem key={note.id} note={note} />;
      })}
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
