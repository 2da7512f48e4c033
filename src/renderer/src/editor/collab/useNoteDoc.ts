import type { Provider } from '@lexical/yjs';
import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { NoteDocState } from '../../../../shared/api/notes';
import { api, onLibraryReconnect } from '../../api/client';
import { subscribeLibraryEvents } from '../../api/libraryEvents';
import type { NoteDocTransport } from './NoteDocProvider';
import { NoteDocProvider } from './NoteDocProvider';
import { mutate } from '../../api/mutate';

const libraryTransport: NoteDocTransport = {
  openNoteDoc: (request) => api.openNoteDoc(request),
  applyNoteUpdate: (request) => mutate('applyNoteUpdate', request),
  subscribe: subscribeLibraryEvents,
  onReconnect: onLibraryReconnect,
};

export interface NoteDocSession {
  /** The CollaborationPlugin's document id. */
  id: string;
  provider: NoteDocProvider;
  providerFactory: (id: string, docMap: Map<string, Y.Doc>) => Provider;
}

/** The note's Yjs document and its provider, one per mounted note; what was typed is sent when it unmounts. */
export function useNoteDoc(noteId: number, initial: NoteDocState): NoteDocSession {
  const [session] = useState(() => {
    const doc = new Y.Doc();
    return { doc, provider: new NoteDocProvider(noteId, doc, libraryTransport, initial) };
  });
  const providerFactory = useCallback(
    (id: string, docMap: Map<string, Y.Doc>) => {
      docMap.set(id, session.doc);
      return session.provider;
    },
    [session],
  );
  useEffect(() => () => void session.provider.destroy(), [session]);
  return { id: `note-${noteId}`, provider: session.provider, providerFactory };
}
