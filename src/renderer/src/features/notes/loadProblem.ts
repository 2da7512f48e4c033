import { createEditor } from 'lexical';
import { readEditorState } from '../../../../shared/notes/readEditorState';
import { NOTE_NODES } from '../../editor/nodes/noteNodes';

export interface LoadProblem {
  /** What is wrong, in words for the researcher. */
  message: string;
  /** The editor can still show it (read-only); otherwise only its saved data can be shown. */
  displayable: boolean;
}

/**
 * Why a saved note cannot be opened for editing, or null when it can. Such a note is shown
 * read-only and never saved, so a note this version cannot read is never overwritten.
 */
export function loadProblem(editorState: string): LoadProblem | null {
  let displayable = true;
  try {
    createEditor({ nodes: NOTE_NODES, onError: (error) => { throw error; } }).parseEditorState(editorState);
  } catch {
    displayable = false;
  }
  try {
    readEditorState(editorState);
  } catch (error) {
    return { message: (error as Error).message, displayable };
  }
  return displayable ? null : { message: 'The editor cannot read this note.', displayable };
}
