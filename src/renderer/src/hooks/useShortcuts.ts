import { useEffect, useRef } from 'react';
import { isMac } from '../components/modifierKey';
import { isModalOpen } from '../components/modalLayer';
import type { ShortcutId } from './shortcutList';
import { matchesShortcut } from './shortcutList';

/** What the window's shortcuts do (see SHORTCUTS); an action left undefined is off for now. */
export interface Shortcuts {
  importArticles?: () => void;
  search?: () => void;
  showShortcuts?: () => void;
  /** Undefined where there is nothing to go back to. Escape never goes back: it closes things. */
  back?: () => void;
  /** Shows or hides the notes column (NotesShortcut, inside NotesProvider). */
  toggleNotes?: () => void;
  /** Shows or hides the reader's Highlights panel; undefined outside the reader. */
  toggleHighlights?: () => void;
}

export const isTextEntry = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');

/** Shortcuts that are typing while the caret is in a text field (`?`; Alt+Left moves by word on macOS). */
const OUTSIDE_TEXT: ReadonlySet<ShortcutId> = new Set(['back']);
const ORDER = ['search', 'importArticles', 'showShortcuts', 'back', 'toggleNotes', 'toggleHighlights'] as const satisfies readonly (keyof Shortcuts & ShortcutId)[];

/**
 * The window's keyboard shortcuts. None act while a modal dialog is open (its keys are its own),
 * and none act on a key something nearer the focus already took (preventDefault). Ctrl/Cmd+K and
 * Ctrl/Cmd+O act in text fields and the note editor too; `?` and Alt+Left do not.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen() || event.isComposing) return;
      const typing = isTextEntry(event.target);
      for (const id of ORDER) {
        const action = latest.current[id];
        if (!action || !matchesShortcut(id, event, isMac)) continue;
        // "?" is a character to type in a field; Ctrl/Cmd+/ is not.
        if (typing && (OUTSIDE_TEXT.has(id) || (id === 'showShortcuts' && event.key === '?'))) return;
        event.preventDefault();
        action();
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
