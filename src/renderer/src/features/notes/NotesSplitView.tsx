import type { ReactNode } from 'react';
import { useRef } from 'react';
import { Splitter } from '../../components/Splitter';
import { useElementWidth } from '../../hooks/useElementWidth';
import { usePersistentState } from '../../hooks/usePersistentState';
import { NotesPane } from '../../lazyViews';
import { ViewBoundary } from '../../components/ViewBoundary';
import { useNotes } from './NotesContext';

const MIN_WIDTH = 280;
const MAX_SHARE = 0.7;
/** What the library or reader keeps beside the notes column: its title, outlet and date columns (issue 16). */
const MIN_PRIMARY = 420;
const DIVIDER = 6;
const parseWidth = (stored: string) => (/^\d{3,4}$/.test(stored) ? Number(stored) : undefined);

/**
 * The library or reader on the left, the notes column on the right, so one can read and write at
 * once. The divider between them is a focusable separator: drag it, or use the arrow keys. The
 * width is remembered; in a narrow window the column gives way (it is shown narrower than
 * remembered) so the left side keeps MIN_PRIMARY.
 */
export function NotesSplitView({ children }: { children: ReactNode }) {
  const { paneOpen } = useNotes();
  const [width, setWidth] = usePersistentState<number>('notes.paneWidth', 440, parseWidth);
  const container = useRef<HTMLDivElement>(null);
  const total = useElementWidth(container) ?? 1200;
  const max = Math.max(MIN_WIDTH, Math.min(total * MAX_SHARE, total - DIVIDER - MIN_PRIMARY));
  const shown = Math.max(MIN_WIDTH, Math.min(width, max));

  return (
    <div ref={container} className={paneOpen ? 'split-view has-notes' : 'split-view'} style={paneOpen ? { gridTemplateColumns: `minmax(0, 1fr) auto ${shown}px` } : undefined}>
      <div className="split-view-primary">{children}</div>
      {paneOpen ? (
        <>
          <Splitter className="split-view-divider" label="Resize the notes column" value={shown} min={MIN_WIDTH} max={max} onChange={setWidth} />
          <ViewBoundary name="Notes" className="notes-pane">
            <NotesPane />
          </ViewBoundary>
        </>
      ) : null}
    </div>
  );
}
