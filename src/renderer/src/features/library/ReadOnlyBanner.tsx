import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/**
 * Says, for as long as the app is open, that the library was opened read-only and why (a file,
 * folder or mount this user may not write): reading, searching and exporting work, changes do not.
 */
export function ReadOnlyBanner() {
  const [reason, setReason] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.libraryInfo({}).then(
      (info) => live && info.readOnly && setReason(info.readOnlyReason),
      () => undefined, // the library view reports a library that cannot be reached
    );
    return () => {
      live = false;
    };
  }, []);
  if (reason === undefined) return null;
  return (
    <div role="status" aria-label="Read-only library" className="read-only-banner">
      <strong>This library is read-only</strong>
      {reason ? ` because ${reason}` : ''}. You can read, search and export; changes (imports, highlights, notes, edits) cannot be saved. To change it, open a copy you can write to.
    </div>
  );
}
