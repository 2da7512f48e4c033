import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { NoteDocProvider } from './NoteDocProvider';

/** Makes the note editor editable once its Yjs document has arrived from the library. */
export function EditableOnceSyncedPlugin({ provider }: { provider: NoteDocProvider }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const onSync = (synced: boolean) => {
      if (synced) editor.setEditable(true);
    };
    if (provider.isSynced) editor.setEditable(true);
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [editor, provider]);
  return null;
}
