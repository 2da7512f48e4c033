import { Fragment, useRef } from 'react';
import type { ShortcutScope } from '../hooks/shortcutList';
import { chordLabel, SHORTCUT_SCOPES, SHORTCUTS } from '../hooks/shortcutList';
import { Dialog } from './Dialog';
import { isMac } from './modifierKey';

const SCOPE_HINT: Record<ShortcutScope, string> = {
  Anywhere: 'Anywhere in the window',
  Reading: 'In the reader',
  'Writing a note': 'In the note’s title and editor',
};

/** Every shortcut, grouped by where it acts, read from the one list (SHORTCUTS) the keys obey. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  const all = Object.values(SHORTCUTS);
  return (
    <Dialog title="Keyboard shortcuts" onDismiss={onClose} initialFocus={close} className="shortcuts-sheet">
      {SHORTCUT_SCOPES.map((scope) => (
        <table key={scope} className="shortcuts-table">
          <caption>{SCOPE_HINT[scope]}</caption>
          <tbody>
            {all
              .filter((shortcut) => shortcut.scope === scope)
              .map((shortcut) => (
                <tr key={shortcut.description}>
                  <th scope="row">{shortcut.description}</th>
                  <td>
                    {shortcut.chords.map((chord, index) => (
                      <Fragment key={chord}>
                        {index > 0 ? <span className="shortcuts-or"> or </span> : null}
                        <kbd>{chordLabel(chord, isMac)}</kbd>
                      </Fragment>
                    ))}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      <div className="dialog-actions">
        <button ref={close} type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
