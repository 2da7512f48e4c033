import { ariaKeyShortcuts, chordLabel, SHORTCUTS } from '../hooks/shortcutList';
import { isMac } from './modifierKey';
import { ShortcutsSheet } from './ShortcutsSheet';

interface ShortcutsButtonProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The header's way to the shortcuts sheet, for those who do not know `?` yet. */
export function ShortcutsButton({ open, onOpenChange }: ShortcutsButtonProps) {
  const [first, second] = SHORTCUTS.showShortcuts.chords;
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts={ariaKeyShortcuts('showShortcuts', isMac)}
        title={`Keyboard shortcuts (${chordLabel(first, isMac)} or ${chordLabel(second, isMac)})`}
        onClick={() => onOpenChange(true)}
      >
        <span aria-hidden="true">⌨</span>
      </button>
      {open ? <ShortcutsSheet onClose={() => onOpenChange(false)} /> : null}
    </>
  );
}
