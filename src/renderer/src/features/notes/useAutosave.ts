import { useCallback, useEffect, useRef, useState } from 'react';
import { transport } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { mutate } from '../../api/mutate';
import type { NoteDocProvider, NoteDocStatus } from '../../editor/collab/NoteDocProvider';

/**
 * Short enough that a title lands within a second of the last keystroke, long enough that typing
 * a word is one save, not five. (The text itself is sent by the note's NoteDocProvider, in batches
 * of SEND_DELAY_MS.)
 */
export const AUTOSAVE_DELAY_MS = 400;

export type SaveStatus = NoteDocStatus;

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
  /** The title changed: save soon. */
  markDirty: () => void;
  /** Save now whatever is unsaved (title and text); resolves when the library has it. */
  flush: () => Promise<void>;
  /** Save now, after a failed save. */
  retry: () => Promise<void>;
}

/** Failed beats saving beats saved: the note says the worst of its title and its text. */
function worst(a: SaveStatus, b: SaveStatus): SaveStatus {
  if (a.state === 'failed') return a;
  if (b.state === 'failed') return b;
  return a.state === 'saving' ? a : b;
}

/**
 * Autosave for one note: its title (debounced, renameNote) and its text (the note's Yjs document,
 * sent by `content` as it is typed; issue 12). Everything is flushed at once on blur, on leaving
 * the note (unmount), and when the window is hidden or closed. The status says "saved" only when
 * the library has acknowledged both.
 */
export function useAutosave(noteId: number, readTitle: () => string, initialTitle: string, content: NoteDocProvider): Autosave {
  const [titleStatus, setTitleStatus] = useState<SaveStatus>({ state: 'saved' });
  const [contentStatus, setContentStatus] = useState<SaveStatus>(content.saveStatus);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSavedTitle = useRef(initialTitle);
  const readRef = useRef(readTitle);
  readRef.current = readTitle;

  useEffect(() => {
    setContentStatus(content.saveStatus);
    return content.onStatus(setContentStatus);
  }, [content]);

  const saveTitle = useCallback(async (): Promise<void> => {
    if (!dirty.current) return;
    dirty.current = false;
    const title = readRef.current();
    if (title === lastSavedTitle.current) {
      setTitleStatus({ state: 'saved' });
      return;
    }
    try {
      await mutate('renameNote', { id: noteId, title });
      lastSavedTitle.current = title;
      if (!dirty.current) setTitleStatus({ state: 'saved' });
    } catch (error) {
      // Still unsaved: the next change, blur or "Try again" saves it again.
      dirty.current = true;
      setTitleStatus({ state: 'failed', message: errorMessage(error, 'save the note') });
    }
  }, [noteId]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    // One save at a time per note, in order: a later save never overtakes an earlier one.
    await whenNoteSaved(noteId);
    if (!dirty.current && !content.hasUnsaved()) return;
    const saving = Promise.all([saveTitle(), content.flush()]).then(() => undefined);
    const tracked = saving.finally(() => {
      if (savesInFlight.get(noteId) === tracked) savesInFlight.delete(noteId);
    });
    savesInFlight.set(noteId, tracked);
    await tracked;
  }, [noteId, saveTitle, content]);

  const markDirty = useCallback(() => {
    dirty.current = true;
    setTitleStatus((current) => (current.state === 'saving' ? current : { state: 'saving' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    const flushNow = () => void flush();
    const leaveNow = () => {
      content.sendNow();
      flushNow();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const unsaved = dirty.current || content.hasUnsaved() || savesInFlight.has(noteId);
      // The text's last batch goes now, not after the request in flight: the page may be gone by then.
      content.sendNow();
      flushNow();
      // In a browser a request started while the page unloads may be cut off: ask to stay until it lands.
      // In Electron main has the page save before the window closes (src/main/closeAfterSaving.ts),
      // and a beforeunload prompt there would silently block closing.
      if (unsaved && transport === 'browser') event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', leaveNow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', leaveNow);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the note (switching, closing the pane) saves what was typed.
      flushNow();
    };
  }, [flush, noteId, content]);

  const retry = useCallback(() => {
    if (titleStatus.state === 'failed') dirty.current = true;
    setTitleStatus((current) => (current.state === 'failed' ? { state: 'saving' } : current));
    return flush();
  }, [flush, titleStatus.state]);

  return { status: worst(titleStatus, contentStatus), markDirty, flush, retry };
}
