import type { Transformer } from '@lexical/markdown';
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  HEADING,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
} from '@lexical/markdown';

/**
 * The Markdown shortcuts a note understands while typing (`# `, `- `, `1. `, `> `, `**bold**`,
 * `*italic*`, `~~struck~~`, `` `code` ``, `[text](url)`). Not code blocks, check lists or tables:
 * notes have no nodes for them. Links made this way still pass SafeLinksPlugin.
 */
export const NOTE_MARKDOWN_SHORTCUTS: Transformer[] = [
  HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  LINK,
];
