import type { CitationSnapshot, SerializedCitation } from '../../shared/domain/note';

/**
 * Test support: serialized Lexical nodes written by hand in the full form the editor saves, with
 * every node type the export reads (and the format bits of lexical/src/LexicalConstants.ts).
 */
export type Json = Record<string, unknown>;

const element = { direction: null, format: '', indent: 0, version: 1 };

export const B = 1;
export const I = 2;
export const S = 4;
export const U = 8;
export const CODE = 16;
export const SUB = 32;
export const SUP = 64;
export const HIGHLIGHT = 128;

export const text = (value: string, format = 0): Json => ({ detail: 0, format, mode: 'normal', style: '', text: value, type: 'text', version: 1 });
export const tab = (): Json => ({ detail: 2, format: 0, mode: 'normal', style: '', text: '\t', type: 'tab', version: 1 });
export const br = (): Json => ({ type: 'linebreak', version: 1 });
export const p = (...children: Json[]): Json => ({ children, ...element, textFormat: 0, textStyle: '', type: 'paragraph' });
export const h = (level: 1 | 2 | 3 | 4 | 5 | 6, ...children: Json[]): Json => ({ children, ...element, tag: `h${level}`, type: 'heading' });
export const quote = (...children: Json[]): Json => ({ children, ...element, type: 'quote' });
export const link = (url: string, ...children: Json[]): Json => ({ children, ...element, rel: 'noreferrer', target: null, title: null, url, type: 'link' });
export const autolink = (url: string, ...children: Json[]): Json => ({ ...link(url, ...children), isUnlinked: false, type: 'autolink' });
export const li = (value: number, ...children: Json[]): Json => ({ children, ...element, value, type: 'listitem' });
export const checkItem = (value: number, checked: boolean, ...children: Json[]): Json => ({ ...li(value, ...children), checked });
export const list = (listType: 'bullet' | 'number' | 'check', start: number, ...items: Json[]): Json => ({
  children: items,
  ...element,
  listType,
  start,
  tag: listType === 'number' ? 'ol' : 'ul',
  type: 'list',
});
/** Lexical's nesting: the nested list sits alone in an item of its own after its parent item. */
export const nested = (value: number, inner: Json): Json => li(value, inner);

export const snapshot = (overrides: Partial<CitationSnapshot> = {}): CitationSnapshot => ({
  quote: 'Russian peacekeepers remain on the Lachin road.',
  title: 'The sending of UN peacekeepers is up to Baku and Yerevan',
  outlet: 'AzerNews',
  author: 'Fatima Hasanova',
  publishedAt: '2023-01-11',
  citekey: 'azernews2023sending',
  ...overrides,
});

export const cite = (sourceId: number, highlightId: number | null, overrides: Partial<CitationSnapshot> = {}): SerializedCitation & Json => ({
  type: 'citation',
  version: 1,
  sourceId,
  highlightId,
  snapshot: snapshot(overrides),
});

export const state = (...children: Json[]): string => JSON.stringify({ root: { children, ...element, type: 'root' } });
