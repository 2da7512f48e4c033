import { CITATION_NODE_TYPE } from '../../shared/domain/note';
import type { Db } from '../db/db';

/**
 * A note's text as the saved editor state the notes column loads (Lexical's serialized form, as
 * the editor writes it): one paragraph per paragraph of the text, and, when the note is about
 * passages or sources, a last paragraph citing each of them, with the snapshot a citation keeps.
 */
const element = { direction: null, format: '', indent: 0, version: 1 };
const textNode = (value: string) => ({ detail: 0, format: 0, mode: 'normal', style: '', text: value, type: 'text', version: 1 });
const paragraph = (children: unknown[]) => ({ children, ...element, textFormat: 0, textStyle: '', type: 'paragraph' });

export interface NoteCitation {
  sourceId: number;
  highlightId: number | null;
  quote: string | null;
}

export function noteEditorState(db: Db, text: string, citations: readonly NoteCitation[]): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .split(/\n\s*\n/u)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => paragraph(part.split('\n').flatMap((line, index) => (index === 0 ? [textNode(line)] : [{ type: 'linebreak', version: 1 }, textNode(line)]))));
  const source = db.prepare('SELECT title, outlet, author, published_at AS publishedAt, citekey FROM sources WHERE id = ?');
  const cited = citations.flatMap((citation) => {
    const row = source.get(citation.sourceId) as { title: string; outlet: string | null; author: string | null; publishedAt: string | null; citekey: string } | undefined;
    if (!row) return [];
    return [{ type: CITATION_NODE_TYPE, version: 1, sourceId: citation.sourceId, highlightId: citation.highlightId, snapshot: { quote: citation.quote, ...row } }];
  });
  const blocks = [...paragraphs, ...(cited.length > 0 ? [paragraph([textNode('Cited: '), ...cited])] : [])];
  return JSON.stringify({ root: { children: blocks.length > 0 ? blocks : [paragraph([])], ...element, type: 'root' } });
}
