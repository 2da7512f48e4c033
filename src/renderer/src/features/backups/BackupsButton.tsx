import { useState } from 'react';
import { BackupsDialog } from './BackupsDialog';

/** Opens the backups dialog: back up now, or restore the library from a backup. */
export function BackupsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)} title="Back up the library, or restore it from a backup">
        Backups
      </button>
      {open ? <BackupsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
