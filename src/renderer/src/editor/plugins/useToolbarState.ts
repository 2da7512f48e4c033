import { $isLinkNode } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import type { LexicalEditor, TextFormatType } from 'lexical';
import { $getSelection, $isRangeSelection, $isRootOrShadowRoot, CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { useEffect, useState } from 'react';

export type BlockKind = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number';

export const TEXT_FORMATS = ['bold', 'italic', 'underline', 'strikethrough', 'code'] as const satisfies readonly TextFormatType[];
export type ToolbarFormat = (typeof TEXT_FORMATS)[number];

export interface ToolbarState {
  block: BlockKind;
  formats: Record<ToolbarFormat, boolean>;
  /** The caret or selection is inside a link. */
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const INITIAL: ToolbarState = {
  block: 'paragraph',
  formats: { bold: false, italic: false, underline: false, strikethrough: false, code: false },
  link: false,
  canUndo: false,
  canRedo: false,
};

/** Reads what the toolbar shows as pressed from the current selection. Call inside a read. */
function $selectionState(): Pick<ToolbarState, 'block' | 'formats' | 'link'> | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const top = $isRootOrShadowRoot(anchor)
    ? anchor
    : ($findMatchingParent(anchor, (node) => {
        const parent = node.getParent();
        return parent !== null && $isRootOrShadowRoot(parent);
      }) ?? anchor);
  let block: BlockKind = 'paragraph';
  if ($isListNode(top)) block = ($getNearestNodeOfType(anchor, ListNode) ?? top).getListType() === 'number' ? 'number' : 'bullet';
  else if ($isHeadingNode(top)) block = top.getTag() as BlockKind;
  else if ($isQuoteNode(top)) block = 'quote';
  const formats = Object.fromEntries(TEXT_FORMATS.map((format) => [format, selection.hasFormat(format)])) as Record<ToolbarFormat, boolean>;
  const link = $findMatchingParent(anchor, $isLinkNode) !== null || $isLinkNode(anchor);
  return { block, formats, link };
}

function sameSelectionState(a: Pick<ToolbarState, 'block' | 'formats' | 'link'>, b: Pick<ToolbarState, 'block' | 'formats' | 'link'>): boolean {
  return a.block === b.block && a.link === b.link && TEXT_FORMATS.every((format) => a.formats[format] === b.formats[format]);
}

/** The toolbar's pressed and enabled states, kept in step with the editor. */
export function useToolbarState(editor: LexicalEditor): ToolbarState {
  const [state, setState] = useState<ToolbarState>(INITIAL);
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($selectionState);
          // Most keystrokes change none of this: keep the same state, and the toolbar does not re-render.
          if (next) setState((previous) => (sameSelectionState(previous, next) ? previous : { ...previous, ...next }));
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (canUndo) => {
            setState((previous) => ({ ...previous, canUndo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (canRedo) => {
            setState((previous) => ({ ...previous, canRedo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return state;
}
