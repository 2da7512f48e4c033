import type { BlockContent, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { CITATION_NODE_TYPE, SerializedCitation } from '../../shared/domain/note';
import { isAllowedLinkUrl } from '../../shared/notes/linkUrl';
import type { InlineItem } from './inlineMarks';
import { commonMarks, FORMAT, inheritNeighbourMarks, marksOf, nestMarks } from './inlineMarks';

/**
 * A saved note (Lexical's serialized editor state) as an mdast tree. Reads the JSON without
 * Lexical, as core must. Accepts both of Lexical's forms: the full one and the compact one, which
 * leaves out properties at their defaults (a text node's format 0, a list's start 1…).
 *
 * Node types: root, paragraph, heading, quote, list, listitem, text, tab, linebreak, link,
 * autolink and citation. Anything else (a node type a later editor adds) keeps its words: an
 * element's children are exported in its place, a leaf with text exports that text.
 */

export type JsonNode = Record<string, unknown> & { type: string };

/** How the caller turns a citation into phrasing (a footnote marker, say); null for an unreadable one. */
export type CiteFunction = (citation: SerializedCitation | null) => PhrasingContent[];

/** Deeper than anyone nests a list; a bound keeps a hostile file from exhausting the stack. */
const MAX_DEPTH = 64;

/** Links that stay links. Anything else (javascript:, file:) exports as its words, never as a link. */
export class NoteFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteFormatError';
  }
}

const isNode = (value: unknown): value is JsonNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string';

const childrenOf = (node: JsonNode): JsonNode[] => (Array.isArray(node.children) ? node.children.filter(isNode) : []);
const stringField = (node: JsonNode, key: string): string | null => (typeof node[key] === 'string' ? (node[key] as string) : null);
const numberField = (node: JsonNode, key: string, fallback: number): number =>
  typeof node[key] === 'number' && Number.isFinite(node[key]) ? (node[key] as number) : fallback;

const INLINE_TYPES = new Set(['text', 'tab', 'linebreak', 'link', 'autolink', CITATION_NODE_TYPE]);
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem']);

/** Citations are read leniently about `version`: the compact form may leave it out. */
const LenientCitation = SerializedCitation.extend({ version: SerializedCitation.shape.version.optional() });

/** The editor's allowlist (src/shared/notes/linkUrl.ts): a link it would refuse keeps only its words. */
function allowedLink(url: string | null): string | null {
  return url && isAllowedLinkUrl(url) ? url : null;
}

export function lexicalToMdast(root: JsonNode, cite: CiteFunction): RootContent[] {
  const citationItems = new Set<InlineItem>();

  const inlineItems = (nodes: JsonNode[], depth: number): InlineItem[] => {
    if (depth > MAX_DEPTH) throw new NoteFormatError(`The note nests deeper than ${MAX_DEPTH} levels.`);
    const items: InlineItem[] = [];
    for (const node of nodes) {
      const format = numberField(node, 'format', 0);
      switch (node.type) {
        case 'text':
        case 'tab': {
          const text = stringField(node, 'text') ?? (node.type === 'tab' ? '\t' : '');
          if (text !== '') items.push({ kind: 'text', text, marks: marksOf(format), code: (format & FORMAT.code) !== 0 });
          break;
        }
        case 'linebreak':
          items.push({ kind: 'node', node: { type: 'break' }, marks: [] });
          break;
        case 'link':
        case 'autolink': {
          const children = inlineItems(childrenOf(node), depth + 1);
          const url = node.isUnlinked === true ? null : allowedLink(stringField(node, 'url'));
          if (url === null || children.length === 0) items.push(...children);
          else items.push({ kind: 'link', url, title: stringField(node, 'title'), children, marks: commonMarks(children) });
          break;
        }
        case CITATION_NODE_TYPE: {
          const parsed = LenientCitation.safeParse(node);
          for (const phrasing of cite(parsed.success ? { ...parsed.data, version: 1 } : null)) {
            const item: InlineItem = { kind: 'node', node: phrasing, marks: [] };
            citationItems.add(item);
            items.push(item);
          }
          break;
        }
        default:
          // An unknown inline node keeps its words.
          if (stringField(node, 'text') !== null) items.push({ kind: 'text', text: stringField(node, 'text')!, marks: marksOf(format), code: (format & FORMAT.code) !== 0 });
          else items.push(...inlineItems(childrenOf(node), depth + 1));
      }
    }
    return items;
  };

  const phrasing = (nodes: JsonNode[], depth: number): PhrasingContent[] => {
    const items = inlineItems(nodes, depth);
    inheritNeighbourMarks(items, (item) => citationItems.has(item));
    return trimBlockEdges(nestMarks(items));
  };

  /**
   * Block children: runs of inline nodes become paragraphs. Inside a paragraph, heading, quote or
   * list item (`inline`), an element of unknown type is taken as inline (a mark, say); elsewhere
   * as a block whose children stand in its place.
   */
  const blocks = (nodes: JsonNode[], depth: number, inline = false): BlockContent[] => {
    if (depth > MAX_DEPTH) throw new NoteFormatError(`The note nests deeper than ${MAX_DEPTH} levels.`);
    const out: BlockContent[] = [];
    let loose: JsonNode[] = [];
    const flush = () => {
      const children = phrasing(loose, depth + 1);
      if (children.length > 0) out.push({ type: 'paragraph', children });
      loose = [];
    };
    for (const node of nodes) {
      if (INLINE_TYPES.has(node.type) || (!BLOCK_TYPES.has(node.type) && (inline || !Array.isArray(node.children)))) {
        loose.push(node);
        continue;
      }
      flush();
      out.push(...block(node, depth + 1));
    }
    flush();
    return out;
  };

  const block = (node: JsonNode, depth: number): BlockContent[] => {
    switch (node.type) {
      case 'paragraph':
        return blocks(childrenOf(node), depth, true);
      case 'heading': {
        const children = phrasing(childrenOf(node), depth + 1);
        const level = Number(/^h([1-6])$/.exec(stringField(node, 'tag') ?? 'h1')?.[1] ?? 1) as 1 | 2 | 3 | 4 | 5 | 6;
        return children.length > 0 ? [{ type: 'heading', depth: level, children }] : [];
      }
      case 'quote': {
        const children = blocks(childrenOf(node), depth, true);
        return children.length > 0 ? [{ type: 'blockquote', children }] : [];
      }
      case 'list':
        return [list(node, depth)];
      case 'listitem':
        // A list item outside a list: its words, as a paragraph.
        return blocks(childrenOf(node), depth, true);
      default:
        // An unknown element keeps its words in its place.
        return blocks(childrenOf(node), depth);
    }
  };

  const list = (node: JsonNode, depth: number): List => {
    const listType = stringField(node, 'listType') ?? 'number';
    const ordered = listType === 'number';
    const items: ListItem[] = [];
    for (const child of childrenOf(node)) {
      const content = blocks(childrenOf(child), depth + 1, true);
      // Lexical nests a list in an item of its own that follows its parent item; Markdown nests it
      // inside the parent item.
      const onlyLists = content.length > 0 && content.every((block) => block.type === 'list');
      const previous = items.at(-1);
      if (onlyLists && previous) {
        previous.children.push(...content);
        continue;
      }
      const checked = listType === 'check' ? child.checked === true : null;
      items.push({ type: 'listItem', spread: false, checked, children: content.length > 0 ? content : [emptyParagraph()] });
    }
    return { type: 'list', ordered, start: ordered ? Math.max(0, Math.trunc(numberField(node, 'start', 1))) : null, spread: false, children: items };
  };

  return blocks(childrenOf(root), 0);
}

/**
 * Line breaks at the start or end of a block, and white space at its end, show nowhere once
 * rendered, but Markdown would keep them only as character references (`&#x20;`) or a dangling
 * `\`. White space at the start of a block is the writer's indent: it stays, as a character
 * reference that every reader keeps (issue 15).
 */
function trimBlockEdges(children: PhrasingContent[]): PhrasingContent[] {
  const out = [...children];
  while (out[0]?.type === 'break') out.shift();
  while (out.length > 0) {
    const last = out.at(-1)!;
    if (last.type === 'break') out.pop();
    else if (last.type === 'text' && last.value.trimEnd() !== last.value) {
      if (last.value.trim() === '') out.pop();
      else out[out.length - 1] = { type: 'text', value: last.value.trimEnd() };
    } else break;
  }
  return out;
}

/** An empty list item still needs a line of its own. */
const emptyParagraph = (): Paragraph => ({ type: 'paragraph', children: [] });

/** Parses the stored JSON; a note that is not a saved editor state is an error naming the note. */
export function parseEditorState(json: string, what: string): JsonNode {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch (error) {
    throw new NoteFormatError(`${what} cannot be exported: its saved text is not valid JSON (${(error as Error).message}).`);
  }
  const root = (state as { root?: unknown } | null)?.root;
  if (!isNode(root) || root.type !== 'root') throw new NoteFormatError(`${what} cannot be exported: it has no editor "root".`);
  return root;
}
