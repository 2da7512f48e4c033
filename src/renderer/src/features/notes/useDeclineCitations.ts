import { useEffect } from 'react';
import { useNotes } from './NotesContext';

/** While the calling component is mounted, citing into the open note is refused with `reason`. */
export function useDeclineCitations(reason: string): void {
  const { declineCitations } = useNotes();
  useEffect(() => {
    declineCitations(reason);
    return () => declineCitations(null);
  }, [declineCitations, reason]);
}

export function DeclineCitations({ reason }: { reason: string }): null {
  useDeclineCitations(reason);
  return null;
}
