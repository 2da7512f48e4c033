import { useCallback, useEffect, useRef, useState } from 'react';
import { transport } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { mutate } from '../../api/mutate';

/**
 * Short enough that a save lands within a second of the last keystroke (the promise),
 * long enough that typing a word is one save, not five.
 */
export const AUTOSAVE_DELAY_MS = 400;

export type SaveStatus = { state: 'saved' } | { state: 'saving' } | { state: 'failed'; message: string };

export interface NoteSnapshot {
  editorState: string;
  title: string;
}

/** Saves still travelling, by note: opening a note waits for its own last save, so it never loads older text. */
const savesInFlight = new Map<number, Promise<void>>();

export function whenNoteSaved(noteId: number): Promise<void> {
  return savesInFlight.get(noteId) ?? Promise.resolve();
}

/** Every save still travelling, of any note (a note just left is saved as it closes). */
export async function whenAllNotesSaved(): Promise<void> {
  await Promise.all(savesInFlight.values());
}

export interface Autosave {
  status: SaveStatus;
  /** Something changed: save soon. */
  markDirty: () => void;
  /** Save now if anything is unsaved; resolves when the library has it. */
  flush: () => Promise<void>;
  /** Save now, after a failed save. */
  retry: () => Promise<void>;
}

/**
 * Autosave for one note: debounced after each change, and flushed at once on blur, on leaving the
 * note (unmount), and when the window is hidden or closed. `read` returns what to save; it is
 * called only when saving. `initial` is what the library already has, so an unchanged note is not
 * written again.
 */
export function useAutosave(noteId: number, read: () => NoteSnapshot, initial: NoteSnapshot): Autosave {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSaved = useRef(initial);
  const readRef = useRef(read);
  readRef.current = read;

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    // One save at a time per note, in order: a later save never overtakes an earlier one.
    await whenNoteSaved(noteId);
    if (!dirty.current) return;
    dirty.current = false;
    const snapshot = readRef.current();
    if (snapshot.editorState === lastSaved.current.editorState && snapshot.title === lastSaved.current.title) {
      setStatus({ state: 'saved' });
      return;
    }
    const saving = mutate('saveNote', { id: noteId, ...snapshot }).then(
      () => {
        lastSaved.current = snapshot;
        // mutate() re-fetches only what depends on this note (its row in the notes list, "Cited in" of what it cites).
        if (!dirty.current) setStatus({ state: 'saved' });
      },
      (error: unknown) => {
        // Still unsaved: the next change, blur or "Try again" saves it again.
        dirty.current = true;
        setStatus({ state: 'failed', message: errorMessage(error, 'save the note') });
      },
    );
    const tracked = saving.finally(() => {
      if (savesInFlight.get(noteId) === tracked) savesInFlight.delete(noteId);
    });
    savesInFlight.set(noteId, tracked);
    await tracked;
  }, [noteId]);

  const markDirty = useCallback(() => {
    dirty.current = true;
    setStatus((current) => (current.state === 'saving' ? current : { state: 'saving' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    const flushNow = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const unsaved = dirty.current || savesInFlight.has(noteId);
      flushNow();
      // In a browser a request started while the page unloads may be cut off: ask to stay until it lands.
      // In Electron main has the page save before the window closes (src/main/closeAfterSaving.ts),
      // and a beforeunload prompt there would silently block closing.
      if (unsaved && transport === 'browser') event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the note (switching, closing the pane) saves what was typed.
      flushNow();
    };
  }, [flush, noteId]);

  const retry = useCallback(() => {
    dirty.current = true;
    setStatus({ state: 'saving' });
    return flush();
  }, [flush]);

  return { status, markDirty, flush, retry };
}
