import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { useEffect, useRef } from 'react';

/**
 * Calls onChange when the document changes (not when only the caret moves) and onBlur when the
 * editor loses focus: what autosave needs to save soon after typing, and at once on leaving.
 */
export function DocumentChangePlugin({ onChange, onBlur }: { onChange: () => void; onBlur: () => void }) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef({ onChange, onBlur });
  latest.current = { onChange, onBlur };
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState }) => {
          // Loading the note and caret moves change nothing to save.
          if (prevEditorState.isEmpty() || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
          latest.current.onChange();
        }),
        editor.registerCommand(
          BLUR_COMMAND,
          () => {
            latest.current.onBlur();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return null;
}
