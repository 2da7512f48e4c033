import { useEffect, useRef } from 'react';
import { hasModOnly } from '../components/modifierKey';
import { isModalOpen } from '../components/modalLayer';

export interface Shortcuts {
  /** Ctrl+O (⌘O on macOS). */
  importArticles?: () => void;
  /** Escape or Alt+Left; undefined where there is nothing to go back to. */
  back?: () => void;
}

const isTextEntry = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');

/**
 * The window's keyboard shortcuts. None act while a modal dialog is open (Escape is the
 * dialog's then), and Escape and Alt+Left do not act while typing, where they belong to the
 * field (Alt+Left moves by word on macOS).
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen()) return;
      const { importArticles, back } = latest.current;
      if (importArticles && hasModOnly(event) && !event.shiftKey && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        importArticles();
      } else if (back && event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey && !isTextEntry(event.target)) {
        event.preventDefault();
        back();
      } else if (back && event.key === 'ArrowLeft' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && !isTextEntry(event.target)) {
        // Handled here, not by the browser's history: in browser mode Back could leave the app.
        event.preventDefault();
        back();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
