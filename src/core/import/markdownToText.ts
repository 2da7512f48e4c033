import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/**
 * Markdown to the clean text Marginalia stores and highlights (issue 15): what a reader of the
 * rendered article sees, without its markup. Parsed by mdast-util-from-markdown with GFM (tables,
 * strikethrough, task lists, footnotes, autolinks), so every construct is read as CommonMark reads
 * it, never by hand-written patterns.
 *
 * - Emphasis, strong, strikethrough and code lose their markers; a link becomes its text, an
 *   image its alt text; footnote markers, link definitions, rules and HTML tags go.
 * - Soft-wrapped lines of a paragraph are joined with a space; a hard break stays a line break.
 * - Headings, list items, quoted paragraphs and footnotes become paragraphs of their own (blank
 *   line between), a table one paragraph with a line per row and a tab between cells, a code
 *   block one paragraph with its lines as written.
 */

/** Deeper than any article nests; a bound keeps a hostile file from exhausting the stack. */
const MAX_DEPTH = 100;

/** Joins the lines of a soft-wrapped paragraph: the line end and the indents around it become one space. */
const joinSoftBreaks = (value: string): string => value.replace(/[ \t]*\n[ \t]*/g, ' ');

/** Raw HTML inline: its tags go, a `<br>` is a line break; what is between tags is text. */
const htmlText = (value: string): string => value.replace(/<br\s*\/?>/gi, '\n').replace(/<!--[\s\S]*?-->|<[^>]*>/g, '');

function inlineText(node: Nodes, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  switch (node.type) {
    case 'text':
      return joinSoftBreaks(node.value);
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
      return htmlText(node.value);
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map((child) => inlineText(child as Nodes, depth + 1)).join('') : '';
  }
}

/** The paragraphs a block contributes, each without surrounding white space; empty ones left out. */
function blockParagraphs(node: RootContent, depth: number): string[] {
  if (depth > MAX_DEPTH) return [];
  const nested = (children: RootContent[]) => children.flatMap((child) => blockParagraphs(child, depth + 1));
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return [inlineText(node, depth).trim()];
    case 'code':
      return [node.value];
    case 'html':
      return [htmlText(node.value).trim()];
    case 'table':
      return [node.children.map((row) => row.children.map((cell) => inlineText(cell, depth).trim()).join('\t')).join('\n')];
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      return [];
    case 'blockquote':
    case 'list':
    case 'listItem':
    case 'footnoteDefinition':
      return nested(node.children as RootContent[]);
    default:
      return 'children' in node ? nested(node.children as RootContent[]) : 'value' in node ? [String(node.value).trim()] : [];
  }
}

export function parseMarkdownTree(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The words of a heading or other block, markup removed, on one line. */
export function blockText(node: RootContent): string {
  return blockParagraphs(node, 0).join(' ').trim();
}

/** Blocks as clean text: paragraphs separated by a blank line. */
export function blocksToText(blocks: readonly RootContent[]): string {
  return blocks
    .flatMap((block) => blockParagraphs(block, 0))
    .filter((paragraph) => paragraph.trim() !== '')
    .join('\n\n');
}
