/**
 * Extracted article HTML -> the canonical body's plain text: one paragraph per block element
 * (headings, list items, blockquotes and table rows each their own), separated by a blank line;
 * `<br>` a line break; `<pre>` keeps its lines. No markup, no script, no URL survives: only text.
 */

import type { Element, Node } from './dom';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary',
  'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never article text (and could be code or a form's labels). */
export const NEVER_TEXT = new Set([
  'audio', 'button', 'canvas', 'datalist', 'embed', 'head', 'iframe', 'input', 'link', 'map', 'math', 'meta', 'noscript', 'object', 'option', 'script',
  'select', 'source', 'style', 'svg', 'template', 'textarea', 'title', 'track', 'video',
]);

const ELEMENT = 1;
const TEXT = 3;

const nameOf = (node: Node) => node.nodeName.toLowerCase();

// Soft hyphens and zero-width characters are layout hints; left in, they split words for search.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;

class ParagraphWriter {
  readonly paragraphs: string[] = [];
  private current = '';

  text(value: string): void {
    // HTML collapses spaces, tabs and newlines; a no-break space is layout too, so it becomes a space.
    this.current += value.replace(INVISIBLE, '').replace(/[ \t\n\r\f\u00A0]+/g, ' ');
  }

  raw(value: string): void {
    this.current += value.replace(INVISIBLE, '');
  }

  lineBreak(): void {
    this.current += '\n';
  }

  cellBreak(): void {
    this.current += '\t';
  }

  /** Ends the paragraph being written; empty lines and empty paragraphs vanish. */
  flush(keepSpaces = false): void {
    const lines = this.current.split('\n').map((line) => (keepSpaces ? line.trimEnd() : line.replace(/ *\t */g, '\t').replace(/ {2,}/g, ' ').trim()));
    const paragraph = lines.filter((line) => line.trim() !== '').join('\n');
    if (paragraph !== '') this.paragraphs.push(paragraph);
    this.current = '';
  }
}

type Step = { node: Node; inPre: boolean } | { close: 'block' | 'pre' };

/**
 * Depth-first over the tree with an explicit stack, not recursion: a hostile page nested 100,000
 * elements deep must be refused or read, never overflow the call stack.
 */
function walk(root: Node, out: ParagraphWriter): void {
  const stack: Step[] = [];
  const pushChildren = (node: Node, inPre: boolean) => {
    const children = [...node.childNodes];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, inPre });
  };
  pushChildren(root, false);
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ('close' in step) {
      out.flush(step.close === 'pre');
      continue;
    }
    const { node, inPre } = step;
    if (node.nodeType === TEXT) {
      if (inPre) out.raw((node.nodeValue ?? '').replace(/\t/g, '    '));
      else out.text(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT) continue; // comments, processing instructions
    const name = nameOf(node);
    if (NEVER_TEXT.has(name)) continue;
    if (name === 'br') out.lineBreak();
    else if (inPre) pushChildren(node, true);
    else if (name === 'pre') {
      out.flush();
      stack.push({ close: 'pre' });
      pushChildren(node, true);
    } else if (name === 'td' || name === 'th') {
      out.cellBreak();
      pushChildren(node, false);
    } else if (BLOCKS.has(name)) {
      out.flush();
      stack.push({ close: 'block' });
      pushChildren(node, false);
    } else pushChildren(node, false);
  }
}

/** How deep elements nest under `root`, counting no further than `limit`. */
export function nestingDepth(root: Element, limit: number): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [element, depth] = entry;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The paragraphs of an element's content, in document order. */
export function htmlParagraphs(root: Node): string[] {
  const out = new ParagraphWriter();
  walk(root, out);
  out.flush();
  return out.paragraphs;
}
