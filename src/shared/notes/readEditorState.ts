import { CITATION_NODE_TYPE, SerializedCitation } from '../domain/note';
import { citationPlainText } from './citationLabel';
import { isAllowedLinkUrl, LINK_RULE } from './linkUrl';

/**
 * Reads a saved note (a serialized Lexical editor state) without Lexical: core derives the plain
 * text and the citation rows from it on every save, and Markdown export walks the same tree.
 * Saved notes are input, so the walk validates as it goes and throws an EditorStateError naming
 * what is wrong; a state that passes here is one the editor can load.
 */

/** Generous for a 10,000-word note with hundreds of citations; well under the host's body limit. */
export const MAX_EDITOR_STATE_CHARS = 10_000_000;

/** Deeper than any list a person nests; a bound keeps a hostile file from exhausting the stack. */
const MAX_DEPTH = 64;

/** Node types the note editor registers (src/renderer/src/editor/nodes/noteNodes.ts must match). */
const ELEMENT_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link']);
const INLINE_ELEMENT_TYPES = new Set(['link']);
const TEXT_TYPES = new Set(['text', 'tab']);
export const NOTE_NODE_TYPES: ReadonlySet<string> = new Set([...ELEMENT_TYPES, ...TEXT_TYPES, 'linebreak', CITATION_NODE_TYPE]);

export interface NoteContent {
  /** The text as Lexical's getTextContent() gives it; a citation reads as "(Outlet, date)". */
  plainText: string;
  /** Every citation, in document order: the index is the citation's ordinal. */
  citations: SerializedCitation[];
}

export class EditorStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditorStateError';
  }
}

type JsonNode = Record<string, unknown> & { type: string };

function asNode(value: unknown, where: string): JsonNode {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { type?: unknown }).type !== 'string') {
    throw new EditorStateError(`${where} is not an editor node (an object with a "type").`);
  }
  return value as JsonNode;
}

function childrenOf(node: JsonNode, where: string): unknown[] {
  if (!Array.isArray(node.children)) throw new EditorStateError(`${where} (${node.type}) has no list of children.`);
  return node.children;
}

/** Walks an already-parsed editor state. */
export function walkEditorState(state: unknown): NoteContent {
  if (typeof state !== 'object' || state === null || !('root' in state)) throw new EditorStateError('The note has no "root": it is not a saved editor state.');
  const root = asNode((state as { root: unknown }).root, 'The root');
  if (root.type !== 'root') throw new EditorStateError(`The root has type "${root.type}", not "root".`);
  const citations: SerializedCitation[] = [];

  const textOf = (node: JsonNode, depth: number, where: string): string => {
    if (depth > MAX_DEPTH) throw new EditorStateError(`The note nests deeper than ${MAX_DEPTH} levels.`);
    if (TEXT_TYPES.has(node.type)) {
      if (typeof node.text !== 'string') throw new EditorStateError(`${where} (${node.type}) has no text.`);
      return node.text;
    }
    if (node.type === 'linebreak') return '\n';
    if (node.type === CITATION_NODE_TYPE) {
      const parsed = SerializedCitation.safeParse(node);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new EditorStateError(`Citation ${citations.length + 1} is invalid: ${issue.path.join('.') || 'its data'}: ${issue.message}.`);
      }
      citations.push(parsed.data);
      return citationPlainText(parsed.data.snapshot);
    }
    if (!ELEMENT_TYPES.has(node.type)) throw new EditorStateError(`${where} has the unknown type "${node.type}".`);
    if (INLINE_ELEMENT_TYPES.has(node.type) && (typeof node.url !== 'string' || !isAllowedLinkUrl(node.url))) {
      throw new EditorStateError(`The link to "${String(node.url).slice(0, 100)}" is not allowed. ${LINK_RULE}`);
    }
    const children = childrenOf(node, where);
    let text = '';
    children.forEach((value, index) => {
      const child = asNode(value, `${where} > child ${index + 1}`);
      text += textOf(child, depth + 1, `${where} > ${child.type} ${index + 1}`);
      // Lexical separates block elements by a blank line (ElementNode.getTextContent).
      if (ELEMENT_TYPES.has(child.type) && !INLINE_ELEMENT_TYPES.has(child.type) && index !== children.length - 1) text += '\n\n';
    });
    return text;
  };

  const plainText = textOf(root, 0, 'The note');
  return { plainText, citations };
}

/** Parses and walks a saved editor state (JSON text). */
export function readEditorState(json: string): NoteContent {
  if (json.length > MAX_EDITOR_STATE_CHARS) throw new EditorStateError(`The note is larger than ${MAX_EDITOR_STATE_CHARS.toLocaleString('en')} characters.`);
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch (error) {
    throw new EditorStateError(`The note is not valid JSON (${(error as Error).message}).`);
  }
  return walkEditorState(state);
}

/** A new note: one empty paragraph, as the editor itself would save it. */
export const EMPTY_EDITOR_STATE = JSON.stringify({
  root: {
    children: [{ children: [], direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', type: 'paragraph', version: 1 }],
    direction: null,
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  },
});
