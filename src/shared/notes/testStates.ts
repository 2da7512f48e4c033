import type { CitationSnapshot, SerializedCitation } from '../domain/note';

/**
 * Test support: serialized Lexical nodes written out as the editor writes them, so tests of the
 * walker, core and the CLI build realistic notes without starting an editor.
 */
type Node = Record<string, unknown>;

const block = { direction: null, format: '', indent: 0, version: 1 };

export const text = (value: string, format = 0): Node => ({ detail: 0, format, mode: 'normal', style: '', text: value, type: 'text', version: 1 });
export const paragraph = (...children: Node[]): Node => ({ children, ...block, textFormat: 0, textStyle: '', type: 'paragraph' });
export const heading = (tag: 'h1' | 'h2' | 'h3', ...children: Node[]): Node => ({ children, ...block, tag, type: 'heading' });
export const quote = (...children: Node[]): Node => ({ children, ...block, type: 'quote' });
export const link = (url: string, ...children: Node[]): Node => ({ children, ...block, rel: null, target: null, title: null, url, type: 'link' });
export const lineBreak = (): Node => ({ type: 'linebreak', version: 1 });
export const listItem = (value: number, ...children: Node[]): Node => ({ children, ...block, value, type: 'listitem' });
export const list = (listType: 'bullet' | 'number', ...items: Node[]): Node => ({
  children: items,
  ...block,
  listType,
  start: 1,
  tag: listType === 'bullet' ? 'ul' : 'ol',
  type: 'list',
});

export const snapshot = (overrides: Partial<CitationSnapshot> = {}): CitationSnapshot => ({
  quote: 'Russian peacekeepers remain on the Lachin road.',
  title: 'The sending of UN peacekeepers',
  outlet: 'AzerNews',
  author: 'Fatima Hasanova',
  publishedAt: '2023-01-11',
  citekey: 'hasanova2023',
  ...overrides,
});

export const citation = (sourceId: number, highlightId: number | null = null, overrides: Partial<CitationSnapshot> = {}): SerializedCitation => ({
  type: 'citation',
  version: 1,
  sourceId,
  highlightId,
  snapshot: snapshot(overrides),
});

export const editorState = (...children: Node[]): { root: Node } => ({ root: { children, ...block, type: 'root' } });

export const editorStateJson = (...children: Node[]): string => JSON.stringify(editorState(...children));
