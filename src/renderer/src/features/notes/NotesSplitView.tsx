import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';
import { useRef } from 'react';
import { usePersistentState } from '../../hooks/usePersistentState';
import { NotesPane } from './NotesPane';
import { useNotes } from './NotesContext';

const MIN_WIDTH = 280;
const MAX_SHARE = 0.7;
const parseWidth = (stored: string) => (/^\d{3,4}$/.test(stored) ? Number(stored) : undefined);

/**
 * The library or reader on the left, the notes column on the right, so one can read and write at
 * once. The divider between them is a focusable separator: drag it, or use the arrow keys.
 */
export function NotesSplitView({ children }: { children: ReactNode }) {
  const { paneOpen } = useNotes();
  const [width, setWidth] = usePersistentState<number>('notes.paneWidth', 440, parseWidth);
  const container = useRef<HTMLDivElement>(null);

  const clamp = (value: number) => {
    const total = container.current?.clientWidth ?? 1200;
    return Math.round(Math.max(MIN_WIDTH, Math.min(value, total * MAX_SHARE)));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const right = container.current?.getBoundingClientRect().right ?? window.innerWidth;
    const move = (moveEvent: globalThis.PointerEvent) => setWidth(clamp(right - moveEvent.clientX));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 80 : 20;
    const next = { ArrowLeft: width + step, ArrowRight: width - step, Home: Number.POSITIVE_INFINITY, End: MIN_WIDTH }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setWidth(clamp(next));
  };

  if (!paneOpen) {
    return (
      <div className="split-view">
        <div className="split-view-primary">{children}</div>
      </div>
    );
  }
  return (
    <div ref={container} className="split-view has-notes" style={{ gridTemplateColumns: `minmax(0, 1fr) auto ${width}px` }}>
      <div className="split-view-primary">{children}</div>
      <div
        className="split-view-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the notes column"
        aria-valuenow={width}
        aria-valuemin={MIN_WIDTH}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <NotesPane />
    </div>
  );
}
