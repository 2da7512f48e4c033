import { createHeadlessEditor } from '@lexical/headless';
import type { Binding, Provider } from '@lexical/yjs';
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical } from '@lexical/yjs';
import type { LexicalEditor, SerializedLexicalNode } from 'lexical';
import { $getRoot, $parseSerializedNode, SKIP_COLLAB_TAG } from 'lexical';
import type { Text as YText, YEvent } from 'yjs';
import * as Y from 'yjs';
import { HEADLESS_NOTE_NODES } from './headlessNoteNodes';

/**
 * A headless Lexical editor bound to a note's Yjs document with @lexical/yjs, the same binding the
 * note editor uses in a window (Lexical's own recipe for reading a Yjs document on a server). Core
 * uses it to derive the saved editor state from the document, and to build a document from a note
 * saved before notes were Yjs documents.
 */
export interface NoteDocEditor {
  readonly doc: Y.Doc;
  /** The bound editor: an update made in it goes into `doc` (tests type through it, as a window would). */
  readonly editor: LexicalEditor;
  /** The document as Lexical editor state JSON (what notes.editor_state holds). */
  toEditorStateJson(): string;
  /** Replaces the content with a saved editor state, as a window would edit it: the change goes into the document. */
  replaceContent(editorStateJson: string): void;
  dispose(): void;
}

/** No network and no cursors on the library's side: the binding only needs something that answers. */
function silentProvider(): Provider {
  const awareness = {
    getLocalState: () => null,
    getStates: () => new Map(),
    off: () => undefined,
    on: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  };
  return { awareness, connect: () => undefined, disconnect: () => undefined, on: () => undefined, off: () => undefined };
}

/**
 * An editor bound to `doc`, which must be empty (a binding sees only changes made after it):
 * apply the stored updates to it afterwards to load a note.
 */
export function createNoteDocEditor(doc: Y.Doc = new Y.Doc()): NoteDocEditor {
  const editor: LexicalEditor = createHeadlessEditor({
    namespace: 'marginalia-note',
    nodes: [...HEADLESS_NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  const provider = silentProvider();
  const binding: Binding = createBinding(editor, provider, 'note', doc, new Map([['note', doc]]));
  const removeUpdateListener = editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    if (!tags.has(SKIP_COLLAB_TAG)) syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
  });
  const observer = (events: YEvent<YText>[], transaction: Y.Transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, provider, events, false, () => undefined);
  };
  const shared = binding.root.getSharedType();
  shared.observeDeep(observer as (events: YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void);
  // Lexical commits an update on a microtask; a discrete update commits it now, inside the caller's transaction.
  const settle = () => editor.update(() => undefined, { discrete: true });

  return {
    doc,
    editor,
    toEditorStateJson: () => {
      settle();
      return JSON.stringify(editor.getEditorState().toJSON());
    },
    replaceContent: (editorStateJson) => {
      const state = JSON.parse(editorStateJson) as { root: { children: SerializedLexicalNode[] } };
      editor.update(
        () => {
          const root = $getRoot();
          root.clear();
          root.append(...state.root.children.map((child) => $parseSerializedNode(child)));
        },
        { discrete: true },
      );
    },
    dispose: () => {
      removeUpdateListener();
      shared.unobserveDeep(observer as (events: YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void);
      binding.root.destroy(binding);
    },
  };
}
