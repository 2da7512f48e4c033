import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent } from '@lexical/utils';
import type { KeyboardEvent, ReactNode } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ElementNode } from 'lexical';
import { $createParagraphNode, $createTextNode, $getSelection, $insertNodes, $isRangeSelection, COMMAND_PRIORITY_NORMAL, FORMAT_TEXT_COMMAND, KEY_MODIFIER_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { isMac } from '../../components/modifierKey';
import type { ShortcutId } from '../../hooks/shortcutList';
import { ariaKeyShortcuts, chordLabel, matchesShortcut, SHORTCUTS } from '../../hooks/shortcutList';
import { LinkDialog } from './LinkDialog';
import type { BlockKind, ToolbarFormat } from './useToolbarState';
import { useToolbarState } from './useToolbarState';

interface ToolButton {
  label: string;
  glyph: ReactNode;
  shortcut?: ShortcutId;
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
}

const FORMAT_BUTTONS: { format: ToolbarFormat; label: string; glyph: ReactNode; shortcut?: ShortcutId }[] = [
  { format: 'bold', label: 'Bold', glyph: <b>B</b>, shortcut: 'bold' },
  { format: 'italic', label: 'Italic', glyph: <i>I</i>, shortcut: 'italic' },
  { format: 'underline', label: 'Underline', glyph: <u>U</u>, shortcut: 'underline' },
  { format: 'strikethrough', label: 'Strikethrough', glyph: <s>S</s> },
  { format: 'code', label: 'Inline code', glyph: <code>{'<>'}</code> },
];

/**
 * The note's formatting toolbar: one tab stop, arrow keys move between buttons (the ARIA toolbar
 * pattern). Buttons keep the editor's caret: they act on the selection without taking focus from it.
 */
export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState(editor);
  const [linkDialog, setLinkDialog] = useState<{ url: string; isLink: boolean } | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbar = useRef<HTMLDivElement>(null);

  const openLinkDialog = useCallback(() => {
    const url = editor.getEditorState().read(() => {
      const selection = $getSelection();
      const link = $isRangeSelection(selection) ? $findMatchingParent(selection.anchor.getNode(), $isLinkNode) : null;
      return $isLinkNode(link) ? link.getURL() : '';
    });
    setLinkDialog({ url, isLink: url !== '' });
  }, [editor]);

  // Ctrl/Cmd+Shift+K adds or edits a link. Not Ctrl/Cmd+K, as in most editors: here that is search,
  // from anywhere (issue 16); with Shift it is free in Chromium and Electron's menus.
  useEffect(
    () =>
      editor.registerCommand(
        KEY_MODIFIER_COMMAND,
        (event) => {
          if (!matchesShortcut('link', event, isMac)) return false;
          event.preventDefault();
          openLinkDialog();
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, openLinkDialog],
  );

  const setBlock = (kind: BlockKind, create: () => ElementNode) =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $setBlocksType(selection, state.block === kind ? $createParagraphNode : create);
    });

  const applyLink = (url: string) => {
    setLinkDialog(null);
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection) && selection.isCollapsed() && !state.link) {
        // Nothing selected to turn into a link: insert the address itself, linked.
        $insertNodes([$createLinkNode(url).append($createTextNode(url))]);
      } else {
        editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
      }
    });
    editor.focus();
  };

  const buttons: ToolButton[][] = [
    [
      { label: 'Undo', glyph: '↶', shortcut: 'undo', disabled: !state.canUndo, run: () => editor.dispatchCommand(UNDO_COMMAND, undefined) },
      { label: 'Redo', glyph: '↷', shortcut: 'redo', disabled: !state.canRedo, run: () => editor.dispatchCommand(REDO_COMMAND, undefined) },
    ],
    // A glyph of letters or digits is visible text: the name holds it (WCAG 2.5.3, label in name),
    // so "click H1" said to speech input finds the button, as "Heading 1" does.
    [
      { label: 'Heading 1, H1', glyph: 'H1', pressed: state.block === 'h1', run: () => setBlock('h1', () => $createHeadingNode('h1')) },
      { label: 'Heading 2, H2', glyph: 'H2', pressed: state.block === 'h2', run: () => setBlock('h2', () => $createHeadingNode('h2')) },
      { label: 'Block quote', glyph: '❝', pressed: state.block === 'quote', run: () => setBlock('quote', $createQuoteNode) },
      {
        label: 'Bulleted list',
        glyph: '•',
        pressed: state.block === 'bullet',
        run: () => editor.dispatchCommand(state.block === 'bullet' ? REMOVE_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND, undefined),
      },
      {
        label: 'Numbered list, 1.',
        glyph: '1.',
        pressed: state.block === 'number',
        run: () => editor.dispatchCommand(state.block === 'number' ? REMOVE_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined),
      },
    ],
    [
      ...FORMAT_BUTTONS.map(({ format, label, glyph, shortcut }) => ({
        label,
        glyph,
        shortcut,
        pressed: state.formats[format],
        run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format),
      })),
      { label: 'Link', glyph: 'Link', shortcut: 'link', pressed: state.link, run: openLinkDialog },
    ],
  ];
  const flat = buttons.flat();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: flat.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key]! + flat.length) % flat.length;
    setFocusIndex(next);
    toolbar.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  let index = -1;
  return (
    <div ref={toolbar} className="note-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onKeyDown}>
      {buttons.map((group, groupIndex) => (
        <div key={groupIndex} className="note-toolbar-group">
          {group.map((button) => {
            const position = ++index;
            return (
              <button
                key={button.label}
                type="button"
                className="note-toolbar-button"
                aria-label={button.label}
                aria-pressed={button.pressed}
                aria-keyshortcuts={button.shortcut ? ariaKeyShortcuts(button.shortcut, isMac) : undefined}
                title={button.shortcut ? `${button.label} (${chordLabel(SHORTCUTS[button.shortcut].chords[0], isMac)})` : button.label}
                // Aria-disabled rather than disabled: the button stays in the arrow-key order.
                aria-disabled={button.disabled || undefined}
                tabIndex={position === focusIndex ? 0 : -1}
                onMouseDown={(event) => event.preventDefault()}
                onFocus={() => setFocusIndex(position)}
                onClick={() => {
                  if (!button.disabled) button.run();
                }}
              >
                <span aria-hidden="true">{button.glyph}</span>
              </button>
            );
          })}
        </div>
      ))}
      {linkDialog ? (
        <LinkDialog
          initialUrl={linkDialog.url}
          isLink={linkDialog.isLink}
          onApply={applyLink}
          onRemove={() => {
            setLinkDialog(null);
            editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
            editor.focus();
          }}
          onClose={() => {
            setLinkDialog(null);
            editor.focus();
          }}
        />
      ) : null}
    </div>
  );
}
