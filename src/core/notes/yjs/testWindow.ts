import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode } from 'lexical';
import * as Y from 'yjs';
import type { NoteDocEditor } from './noteDocEditor';
import { createNoteDocEditor } from './noteDocEditor';

const FROM_LIBRARY = 'from-library';

/** Test support: types `text` at the end of the note's last paragraph (a new one with `newParagraph`), through Lexical. */
export function typeAtEnd(docEditor: NoteDocEditor, text: string, options: { newParagraph?: boolean } = {}): void {
  docEditor.editor.update(
    () => {
      const root = $getRoot();
      let last = root.getLastChild();
      if (options.newParagraph || !$isElementNode(last)) {
        last = $createParagraphNode();
        root.append(last);
      }
      if ($isElementNode(last)) last.append($createTextNode(text));
    },
    { discrete: true },
  );
}

/**
 * Test support: a window editing a note, headless. It binds its own document with @lexical/yjs as
 * the app's editor does, types through Lexical, and collects its own updates to send, as the app's
 * provider does (src/renderer/src/editor/collab/NoteDocProvider.ts).
 */
export class TestWindow {
  private readonly docEditor: NoteDocEditor = createNoteDocEditor();
  private pending: Uint8Array[] = [];

  constructor(
    readonly clientId: string,
    stored: Uint8Array,
  ) {
    this.docEditor.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_LIBRARY) this.pending.push(update);
    });
    this.receive(stored);
  }

  get doc(): Y.Doc {
    return this.docEditor.doc;
  }

  /** An update from the library (another window's, relayed): applied, never sent back. */
  receive(update: Uint8Array): void {
    Y.applyUpdate(this.docEditor.doc, update, FROM_LIBRARY);
    this.docEditor.toEditorStateJson();
  }

  /** Types `text` at the end of the last paragraph (a new one with `newParagraph`). */
  type(text: string, options: { newParagraph?: boolean } = {}): void {
    typeAtEnd(this.docEditor, text, options);
  }

  /** Everything typed since the last call, as one update (what the provider sends per batch); null when nothing. */
  takeUpdate(): Uint8Array | null {
    const updates = this.pending;
    this.pending = [];
    return updates.length === 0 ? null : Y.mergeUpdates(updates);
  }

  text(): string {
    return this.docEditor.editor.getEditorState().read(() => $getRoot().getTextContent());
  }

  editorStateJson(): string {
    return this.docEditor.toEditorStateJson();
  }

  close(): void {
    this.docEditor.dispose();
  }
}
