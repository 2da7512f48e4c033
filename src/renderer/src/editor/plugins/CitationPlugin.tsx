import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createQuoteNode } from '@lexical/rich-text';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
} from 'lexical';
import { useEffect } from 'react';
import type { CitationPayload } from '../../../../shared/notes/citationPayload';
import { CITATION_DRAG_TYPE, CitationTransfer, quoteInNoteText } from '../../../../shared/notes/citationPayload';
import { $createCitationNode } from '../nodes/CitationNode';
import type { InsertCitationPayload } from '../citationCommand';
import { INSERT_CITATION_COMMAND } from '../citationCommand';

export type { InsertCitationPayload };
export { INSERT_CITATION_COMMAND };

/** Puts the caret where the editor last had it, or at the end when it never had one. */
function $ensureCaret(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) && !$isNodeSelection(selection)) $getRoot().selectEnd();
}

function $insertQuote(citation: CitationPayload, quoteText: string): void {
  const quote = $createQuoteNode().append($createTextNode(`${quoteText} `), $createCitationNode(citation));
  const selection = $getSelection();
  const block = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
  if ($isParagraphNode(block) && block.isEmpty()) {
    // Quoting into an empty line uses that line rather than leaving it blank above the quote.
    block.replace(quote);
  } else {
    $insertNodeToNearestRoot(quote);
  }
  const next = quote.getNextSibling();
  if ($isElementNode(next)) next.selectStart();
  else quote.insertAfter($createParagraphNode()).selectStart();
}

function $insertChip(citation: CitationPayload): void {
  const chip = $createCitationNode(citation);
  const selection = $getSelection();
  if ($isNodeSelection(selection)) {
    const last = selection.getNodes().at(-1);
    if (last) {
      last.insertAfter(chip);
      chip.selectNext();
      return;
    }
  }
  if (!$isRangeSelection(selection)) return;
  const { anchor } = selection;
  // "said (AzerNews, …)" rather than "said(AzerNews, …)", in the text and in exports.
  if (selection.isCollapsed() && anchor.type === 'text' && anchor.offset > 0 && !/\s/u.test(anchor.getNode().getTextContent()[anchor.offset - 1] ?? ' ')) {
    selection.insertText(' ');
  }
  selection.insertNodes([chip]);
}

export function $insertCitation({ citation, mode, quotes = 'both' }: InsertCitationPayload): void {
  $ensureCaret();
  if (mode === 'quote' && citation.snapshot.quote) $insertQuote(citation, quoteInNoteText(citation.snapshot, quotes));
  else $insertChip(citation);
}

const carriesCitation = (event: DragEvent) => event.dataTransfer?.types.includes(CITATION_DRAG_TYPE) ?? false;

/** The DOM caret under the pointer (Chromium has caretRangeFromPoint, others caretPositionFromPoint). */
function domCaretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = typeof document.caretRangeFromPoint === 'function' ? document.caretRangeFromPoint(x, y) : null;
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Moves the selection to the drop point, when the point is inside this editor's text. */
function $selectDropPoint(editor: LexicalEditor, event: DragEvent): void {
  const caret = domCaretAt(event.clientX, event.clientY);
  if (!caret || !editor.getRootElement()?.contains(caret.node)) return;
  const node = $getNearestNodeFromDOMNode(caret.node);
  if (!node) return;
  const selection = $createRangeSelection();
  if ($isTextNode(node)) {
    selection.anchor.set(node.getKey(), caret.offset, 'text');
    selection.focus.set(node.getKey(), caret.offset, 'text');
  } else if ($isElementNode(node)) {
    const offset = Math.min(caret.offset, node.getChildrenSize());
    selection.anchor.set(node.getKey(), offset, 'element');
    selection.focus.set(node.getKey(), offset, 'element');
  } else {
    const parent = node.getParentOrThrow();
    selection.anchor.set(parent.getKey(), node.getIndexWithinParent() + 1, 'element');
    selection.focus.set(parent.getKey(), node.getIndexWithinParent() + 1, 'element');
  }
  $setSelection(selection);
}

/**
 * Registers INSERT_CITATION_COMMAND, and accepts citations dropped on the editor as
 * `application/x-marginalia-citation` JSON (CitationTransfer), validated since it comes from outside.
 */
export function CitationPlugin({ onRejectedDrop }: { onRejectedDrop?: (reason: string) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_CITATION_COMMAND,
          (payload) => {
            $insertCitation(payload);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!carriesCitation(event)) return false;
            event.preventDefault();
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            if (!carriesCitation(event)) return false;
            event.preventDefault();
            let data: unknown;
            try {
              data = JSON.parse(event.dataTransfer?.getData(CITATION_DRAG_TYPE) ?? '');
            } catch {
              data = null;
            }
            const parsed = CitationTransfer.safeParse(data);
            if (!parsed.success) {
              onRejectedDrop?.('What was dropped is not a citation Marginalia can insert.');
              return true;
            }
            const { mode, ...citation } = parsed.data;
            $selectDropPoint(editor, event);
            $insertCitation({ citation, mode });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, onRejectedDrop],
  );
  return null;
}
