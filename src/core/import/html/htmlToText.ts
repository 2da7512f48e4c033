/**
 * Extracted article HTML -> the canonical body's plain text: one paragraph per block element
 * (headings, list items, blockquotes and table rows each their own), separated by a blank line;
 * `<br>` a line break; `<pre>` keeps its lines. No markup, no script, no URL survives: only text.
 */

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

function writePre(node: Node, out: ParagraphWriter): void {
  for (const child of node.childNodes) {
    if (child.nodeType === TEXT) out.raw((child.nodeValue ?? '').replace(/\t/g, '    '));
    else if (child.nodeType === ELEMENT && nameOf(child) === 'br') out.lineBreak();
    else if (child.nodeType === ELEMENT && !NEVER_TEXT.has(nameOf(child))) writePre(child, out);
  }
}

function walk(node: Node, out: ParagraphWriter): void {
  for (const child of node.childNodes) {
    if (child.nodeType === TEXT) {
      out.text(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== ELEMENT) continue; // comments, processing instructions
    const name = nameOf(child);
    if (NEVER_TEXT.has(name)) continue;
    if (name === 'br') out.lineBreak();
    else if (name === 'pre') {
      out.flush();
      writePre(child, out);
      out.flush(true);
    } else if (name === 'td' || name === 'th') {
      out.cellBreak();
      walk(child, out);
    } else if (BLOCKS.has(name)) {
      out.flush();
      walk(child, out);
      out.flush();
    } else walk(child, out);
  }
}

/** The paragraphs of an element's content, in document order. */
export function htmlParagraphs(root: Node): string[] {
  const out = new ParagraphWriter();
  walk(root, out);
  out.flush();
  return out.paragraphs;
}
