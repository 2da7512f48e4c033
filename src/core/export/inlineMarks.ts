import type { PhrasingContent, Text } from 'mdast';

/**
 * Lexical marks text with a format bitmask on each text node; Markdown nests emphasis around runs.
 * This turns a paragraph's flat run of marked pieces into nested mdast phrasing, grouping neighbours
 * that share a mark, so "**bold *both* bold**" comes out as one strong node rather than three
 * adjacent ones (`**a****b**` does not parse back as it was meant).
 */

/** Lexical's TextNode format bits (lexical/src/LexicalConstants.ts). */
export const FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
  highlight: 128,
} as const;

/**
 * The Markdown a format bit becomes. Markdown (CommonMark, GFM) has no underline, sub- or
 * superscript or highlight; HTML tags would be lost or escaped by half of the readers. Underline
 * becomes emphasis: on a typewriter, underlining *was* how one set italics, so the words stay
 * marked. Sub/superscript and highlight export as plain text (GFM reads `~x~` as strikethrough, and
 * `==x==` is Obsidian's alone).
 */
export type Mark = 'strong' | 'emphasis' | 'delete';

export function marksOf(format: number): Mark[] {
  const marks: Mark[] = [];
  if (format & FORMAT.bold) marks.push('strong');
  if (format & (FORMAT.italic | FORMAT.underline)) marks.push('emphasis');
  if (format & FORMAT.strikethrough) marks.push('delete');
  return marks;
}

/** One piece of a paragraph: marked text, or an already-built node (link, break, citation) with the marks around it. */
export type InlineItem =
  | { kind: 'text'; text: string; marks: Mark[]; code: boolean }
  | { kind: 'node'; node: PhrasingContent; marks: Mark[] }
  | { kind: 'link'; url: string; title: string | null; children: InlineItem[]; marks: Mark[] };

function leaf(item: InlineItem, applied: ReadonlySet<Mark>): PhrasingContent {
  switch (item.kind) {
    case 'text':
      return item.code ? { type: 'inlineCode', value: item.text } : { type: 'text', value: item.text };
    case 'node':
      return item.node;
    case 'link':
      return { type: 'link', url: item.url, title: item.title, children: nestMarks(item.children, applied) };
  }
}

const isText = (node: PhrasingContent | undefined): node is Text => node?.type === 'text';

/**
 * Wraps `children` in `mark`, moving white space at its edges outside: CommonMark does not read
 * `** bold**` as bold, and the library would otherwise keep it with a character reference.
 */
function wrap(mark: Mark, children: PhrasingContent[]): PhrasingContent[] {
  const before: Text[] = [];
  const after: Text[] = [];
  const inner = [...children];
  for (let first = inner[0]; isText(first); first = inner[0]) {
    const space = /^\s+/u.exec(first.value)?.[0] ?? '';
    if (space === '') break;
    before.push({ type: 'text', value: space });
    if (space === first.value) inner.shift();
    else inner[0] = { type: 'text', value: first.value.slice(space.length) };
  }
  for (let last = inner.at(-1); isText(last); last = inner.at(-1)) {
    const space = /\s+$/u.exec(last.value)?.[0] ?? '';
    if (space === '') break;
    after.unshift({ type: 'text', value: space });
    if (space === last.value) inner.pop();
    else inner[inner.length - 1] = { type: 'text', value: last.value.slice(0, -space.length) };
  }
  if (inner.length === 0) return [...before, ...after];
  return [...before, { type: mark, children: inner } as PhrasingContent, ...after];
}

/** Nests marks around runs: at each piece, the unapplied mark with the longest run is opened first. */
export function nestMarks(items: readonly InlineItem[], applied: ReadonlySet<Mark> = new Set()): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let index = 0;
  while (index < items.length) {
    const item = items[index]!;
    const open = item.marks.filter((mark) => !applied.has(mark));
    if (open.length === 0) {
      out.push(leaf(item, applied));
      index++;
      continue;
    }
    let best = open[0]!;
    let bestEnd = index + 1;
    for (const mark of open) {
      let end = index;
      while (end < items.length && items[end]!.marks.includes(mark)) end++;
      if (end > bestEnd) [best, bestEnd] = [mark, end];
    }
    out.push(...wrap(best, nestMarks(items.slice(index, bestEnd), new Set([...applied, best]))));
    index = bestEnd;
  }
  return out;
}

/** The marks every item shares: a link takes these, so bold across a link stays one bold run. */
export function commonMarks(items: readonly InlineItem[]): Mark[] {
  if (items.length === 0) return [];
  return items[0]!.marks.filter((mark) => items.every((item) => item.marks.includes(mark)));
}

/**
 * A citation (a footnote marker) carries no format of its own. Inside a bold sentence it takes the
 * marks its neighbours share, so the sentence stays one bold run around the marker.
 */
export function inheritNeighbourMarks(items: InlineItem[], isMarkless: (item: InlineItem) => boolean): void {
  items.forEach((item, index) => {
    if (!isMarkless(item)) return;
    const before = items.slice(0, index).reverse().find((other) => !isMarkless(other));
    const after = items.slice(index + 1).find((other) => !isMarkless(other));
    item.marks = before && after ? before.marks.filter((mark) => after.marks.includes(mark)) : [];
  });
}
