import type { ReactNode } from 'react';
import { ariaKeyShortcuts, chordLabel, SHORTCUTS } from '../hooks/shortcutList';
import { isMac } from './modifierKey';

interface AppHeaderProps {
  onBack?: () => void;
  /** Where Back returns to, as its label says it ("library", "Timeline"); "library" when unset. */
  backTo?: string;
  actions: ReactNode;
}

/** The window's top bar: the app's name, the way back when reading, and the import action. */
export function AppHeader({ onBack, backTo = 'library', actions }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header-start">
        <span className="app-brand">
          <span className="app-brand-mark" aria-hidden="true">
            ¶
          </span>
          <span className="app-brand-name">Marginalia</span>
        </span>
        {onBack ? (
          <button type="button" className="button button-quiet back-button" onClick={onBack} aria-keyshortcuts={ariaKeyShortcuts('back', isMac)} title={`Back to ${backTo} (${chordLabel(SHORTCUTS.back.chords[0], isMac)})`} aria-label={`Back to ${backTo}`}>
            <span aria-hidden="true">← </span>Back<span className="header-long-words"> to {backTo}</span>
          </button>
        ) : null}
      </div>
      <div className="app-header-actions">{actions}</div>
    </header>
  );
}
