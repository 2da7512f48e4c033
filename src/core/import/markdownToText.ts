import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Extension } from 'micromark-util-types';

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

/**
 * Text a literal autolink (`www.`, `http:` or `https:`, any case, or an email's `@`) must contain:
 * micromark-extension-gfm-autolink-literal starts at nothing else, and mdast-util-gfm's transform
 * of text into links looks for the same.
 */
const MAY_AUTOLINK = /@|www\.|https?:/i;
/** Text a table's delimiter row must contain: a `|`, or a `:` against a `-` (`a` over `:-` is a table of one column). */
const MAY_TABLE = /\||:-|-:/;

/**
 * The tree CommonMark with GFM reads (micromark-extension-gfm's five extensions, in its order). The
 * literal autolink and the table constructs are tried at every character and every line, and took
 * 2.1 and 0.9 of the 5.0 s micromark spent on the bench's 3,000 Markdown files (11 MB): so each is
 * left out of the parse when the text cannot hold what it starts at (MAY_AUTOLINK, MAY_TABLE).
 * Where it cannot match, a construct only ever fails, and a failed attempt leaves no event, so the
 * tree is the same (markdownToText.test.ts parses every case both ways).
 */
export function parseMarkdownTree(markdown: string): Root {
  const autolink = MAY_AUTOLINK.test(markdown);
  const table = MAY_TABLE.test(markdown);
  return fromMarkdown(markdown, { extensions: syntaxExtensions(autolink, table), mdastExtensions: treeExtensions() });
}

// The extensions are plain data and functions, kept for every parse: made per parse, with
// micromark combining them each time, they were a third of reading a short paragraph
// (paragraphsText parses one paragraph at a time).
const syntaxSets = new Map<string, Extension>();
let treeSet: ReturnType<typeof gfmFromMarkdown> | null = null;

function syntaxExtensions(autolink: boolean, table: boolean): Extension[] {
  const key = `${autolink}${table}`;
  let combined = syntaxSets.get(key);
  if (!combined) {
    combined = combineExtensions([...(autolink ? [gfmAutolinkLiteral()] : []), gfmFootnote(), gfmStrikethrough(), ...(table ? [gfmTable()] : []), gfmTaskListItem()]);
    syntaxSets.set(key, combined);
  }
  return [combined];
}

function treeExtensions(): ReturnType<typeof gfmFromMarkdown> {
  treeSet ??= gfmFromMarkdown();
  return treeSet;
}

/** The words of a heading or other block, markup removed, on one line. */
export function blockText(node: RootContent): string {
  return blockParagraphs(node, 0).join(' ').trim();
}

/**
 * What a run of lines between blank lines must hold for CommonMark with GFM to read it as anything
 * but a paragraph of plain text:
 * - anywhere: a character that starts, escapes or closes an inline construct (`\\` `` ` `` `*` `_`
 *   `[` `]` `<` `&` `~` `|`), a tab (it counts as spaces to a column), a carriage return (a line
 *   end of its own), NUL (read as U+FFFD) or a byte order mark; or what a literal autolink or a
 *   table's delimiter row starts at (MAY_AUTOLINK, MAY_TABLE);
 * - at a line's start: four spaces (indented code), or within three spaces `#` (heading), `>`
 *   (quote), `=` or `-` (setext underline, rule, list), `+` (list) or a number and `.` or `)`
 *   (ordered list);
 * - two spaces or more ending a line that has words (a hard break).
 * Each rule is wider than the construct it keeps out (a `[` alone is refused though it may stay
 * literal): refusing costs a parse, reading a construct as plain text would lose markup into the body.
 */
const MAY_BE_MARKUP = /[\\`*_[\]<&~|\t\r\0\uFEFF]|^(?: {4}| {0,3}(?:[#>=+-]|\d{1,9}[.)]))|[^ \n] {2,}\n/m;

/**
 * What text must hold for a construct to reach past a blank line, or for one part of it to change
 * how another reads: a list item (`-`, `+` or `*` and a space, or a number, `.` or `)` and a space,
 * within three spaces of the line's start), fenced code, an HTML block (a line starting with `<`:
 * some run to an end marker past blank lines), indented code (four spaces or a tab), a definition
 * of a link or a footnote (`]:`, which every definition holds, read anywhere in the document), a
 * carriage return, NUL or a byte order mark. Without these, CommonMark closes every block at a
 * blank line, and each run of lines between blank lines reads alone as it reads in the document.
 */
const MAY_SPAN_BLANK_LINES = /[\r\0\uFEFF]|\]:|^(?: {4}| {0,3}(?:\t|<|```|~~~|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)))/m;

/**
 * The clean text of Markdown whose blocks all end at blank lines (MAY_SPAN_BLANK_LINES), as
 * blocksToText gives for its whole tree, each run of lines between blank lines read alone: one
 * with no markup (MAY_BE_MARKUP, MAY_AUTOLINK, MAY_TABLE) as its words, joined and trimmed as
 * inlineText and blockParagraphs do, one with markup by micromark. Null for other Markdown, and
 * when the first block is a heading (the caller reads a title from it). Plain prose is the common
 * article, and micromark took most of an import's parse reading it whole (the bench's 3,000 files:
 * 1.6 s of 3.1 s on the parse thread); a link or an emphasis now costs the parse of its paragraph.
 * markdownToText.test.ts compares this with the whole tree on every case and thousands of texts.
 */
export function paragraphsText(markdown: string): string | null {
  if (MAY_SPAN_BLANK_LINES.test(markdown)) return null;
  const runs = markdown.split(/\n(?:[ \t]*\n)+/);
  const plain = runs.map((lines) => !MAY_BE_MARKUP.test(lines) && !MAY_AUTOLINK.test(lines) && !MAY_TABLE.test(lines));
  // Mostly markup: one parse of the whole is cheaper than one a paragraph (measured: a link in
  // every paragraph took 1.3 times as long read a paragraph at a time).
  const markedLength = runs.reduce((sum, lines, i) => sum + (plain[i] ? 0 : lines.length), 0);
  if (markedLength * 2 > markdown.length) return null;
  const paragraphs: string[] = [];
  for (const [i, lines] of runs.entries()) {
    if (plain[i]) {
      const words = joinSoftBreaks(lines).trim();
      if (words !== '') paragraphs.push(words);
      continue;
    }
    const blocks = parseMarkdownTree(lines).children;
    if (paragraphs.length === 0 && blocks[0]?.type === 'heading') return null;
    const text = blocksToText(blocks);
    if (text !== '') paragraphs.push(text);
  }
  return paragraphs.join('\n\n');
}

/** Blocks as clean text: paragraphs separated by a blank line. */
export function blocksToText(blocks: readonly RootContent[]): string {
  return blocks
    .flatMap((block) => blockParagraphs(block, 0))
    .filter((paragraph) => paragraph.trim() !== '')
    .join('\n\n');
}
