import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { memo, useCallback, useState } from 'react';
import { NOTE_NODES } from '../../editor/nodes/noteNodes';
import { noteEditorTheme } from '../../editor/nodes/noteEditorTheme';
import { CitationPlugin } from '../../editor/plugins/CitationPlugin';
import { CitationStatusPlugin } from '../../editor/plugins/CitationStatusPlugin';
import { CitationTypeaheadPlugin } from '../../editor/plugins/CitationTypeaheadPlugin';
import type { NoteDocSession } from '../../editor/collab/useNoteDoc';
import { EditableOnceSyncedPlugin } from '../../editor/collab/EditableOnceSyncedPlugin';
import { DocumentChangePlugin } from '../../editor/plugins/DocumentChangePlugin';
import { NOTE_MARKDOWN_SHORTCUTS } from '../../editor/plugins/markdownShortcuts';
import { RevealCitationPlugin } from '../../editor/plugins/RevealCitationPlugin';
import { SafeLinksPlugin } from '../../editor/plugins/SafeLinksPlugin';
import { ToolbarPlugin } from '../../editor/plugins/ToolbarPlugin';
import { useNotes } from './NotesContext';

interface NoteEditorProps {
  /** The saved editor state, already checked to load (see loadProblem.ts); unused when `collaboration` is given. */
  editorState: string;
  /**
   * The note's Yjs document (issue 12): the editor binds to it with Lexical's CollaborationPlugin,
   * which also brings undo (per window: the Yjs UndoManager undoes only this window's changes).
   */
  collaboration?: NoteDocSession;
  editable: boolean;
  labelledBy?: string;
  onEditor: (editor: LexicalEditor) => void;
  onChange: () => void;
  onBlur: () => void;
  reveal: { ordinal: number } | null;
}

/**
 * The note's Lexical editor: rich text, Markdown shortcuts, citations (command, `@`, drop) and links.
 * Memoized: the note around it re-renders as its save status changes while one types, and
 * re-rendering the editor's tree (toolbar, plugins, content) each time cost keystrokes in a long
 * note (issue 13, item 6); give it stable props.
 */
export const NoteEditor = memo(function NoteEditor({ editorState, collaboration, editable, onEditor, onChange, onBlur, reveal }: NoteEditorProps) {
  const notes = useNotes();
  // Made once per mounted note: LexicalComposer reads its config only on its first render.
  const [initialConfig] = useState(() => ({
    namespace: 'marginalia-note',
    nodes: NOTE_NODES,
    theme: noteEditorTheme,
    // Bound to a document, the editor starts empty and takes the document's content; it is
    // editable once that arrived (EditableOnceSyncedPlugin), so nothing is typed into nothing.
    editable: editable && !collaboration,
    editorState: collaboration ? null : editorState,
    onError: (error: Error) => {
      throw error;
    },
  }));
  const editorRef = useCallback(
    (editor: LexicalEditor | null) => {
      if (editor) onEditor(editor);
    },
    [onEditor],
  );
  const composer = (
    <LexicalComposer initialConfig={initialConfig}>
      <div className={editable ? 'note-editor' : 'note-editor is-read-only'}>
        {editable ? <ToolbarPlugin /> : null}
        <CitationStatusPlugin onOpen={notes.openCitation}>
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="note-editor-content"
                aria-label="Note editor"
                aria-multiline
                aria-placeholder="Write here. # heading, - list, > quote, **bold**; @ cites a source."
                placeholder={<div className="note-editor-placeholder">Write here. # heading, - list, &gt; quote, **bold**; @ cites a source.</div>}
                spellCheck
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </CitationStatusPlugin>
        <EditorRefPlugin editorRef={editorRef} />
        {collaboration ? (
          <>
            <CollaborationPlugin id={collaboration.id} providerFactory={collaboration.providerFactory} shouldBootstrap={false} />
            <EditableOnceSyncedPlugin provider={collaboration.provider} />
          </>
        ) : (
          <HistoryPlugin />
        )}
        <ListPlugin />
        <MarkdownShortcutPlugin transformers={NOTE_MARKDOWN_SHORTCUTS} />
        <SafeLinksPlugin onOpenLibraryLink={notes.openLibraryLink} />
        <CitationPlugin onRejectedDrop={notes.announce} />
        {editable ? <CitationTypeaheadPlugin /> : null}
        <DocumentChangePlugin onChange={onChange} onBlur={onBlur} />
        <RevealCitationPlugin request={reveal} />
      </div>
    </LexicalComposer>
  );
  return collaboration ? <LexicalCollaboration>{composer}</LexicalCollaboration> : composer;
});
