import { useState } from 'react';
import { OutletsDialog } from './OutletsDialog';

/** Opens the Outlets dialog: counts, countries, notes, rename and merge. */
export function OutletsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} title="Outlets: countries, notes, rename and merge">
        Outlets
      </button>
      {open ? <OutletsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
