import type { LexicalCommand } from 'lexical';
import type { CitationPayload, CiteMode } from '../../../shared/notes/citationPayload';
import type { QuoteMode } from '../../../shared/domain/translation';

/**
 * The command that inserts a citation, apart from the plugin that carries it out (CitationPlugin),
 * so the window's first script can send it (NotesProvider) without Lexical and the editor, which loads with
 * the notes column (lazyViews.ts).
 */
export interface InsertCitationPayload {
  citation: CitationPayload;
  mode: CiteMode;
  /** What a quote's block holds when its passage has a translation (the export's choice); both by default. */
  quotes?: QuoteMode;
}

/**
 * Inserts a citation at the caret ("cite"), or its passage as a block quote ending with it
 * ("quote"). What Lexical's createCommand makes (`{ type }`, known by its identity), written out so
 * the first script does not carry Lexical (about 150 kB) for it.
 */
export const INSERT_CITATION_COMMAND: LexicalCommand<InsertCitationPayload> = { type: 'INSERT_CITATION_COMMAND' };
