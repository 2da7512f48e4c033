import { z } from 'zod';
import type { CitationSnapshot } from '../domain/note';
import { SerializedCitation } from '../domain/note';
import type { SourceSummary } from '../domain/source';
import type { HighlightTranslation, QuoteMode } from '../domain/translation';
import { quotedWords } from '../domain/translation';

/** What a citation needs to be inserted: its target and snapshot (the node adds type and version). */
export const CitationPayload = SerializedCitation.omit({ type: true, version: true });
export type CitationPayload = z.infer<typeof CitationPayload>;

/** "cite" inserts the chip at the caret; "quote" inserts the passage as a block quote ending with its chip. */
export const CiteMode = z.enum(['cite', 'quote']);
export type CiteMode = z.infer<typeof CiteMode>;

/**
 * The drag-and-drop format for citations: the highlights panel sets it on dragstart, the note
 * editor accepts it on drop. The data is JSON of CitationTransfer; it comes from outside the
 * editor, so the editor validates it.
 */
export const CITATION_DRAG_TYPE = 'application/x-marginalia-citation';
export const CitationTransfer = CitationPayload.extend({ mode: CiteMode.default('cite') });
export type CitationTransfer = z.input<typeof CitationTransfer>;

type SourceFacts = Pick<SourceSummary, 'id' | 'title' | 'outlet' | 'author' | 'publishedAt' | 'citekey'>;

function snapshotOf(source: SourceFacts, quote: string | null, translation: HighlightTranslation | null = null): CitationSnapshot {
  return {
    // Only when there is one: a citation without a translation is written as it always was.
    ...(translation ? { translation: { text: translation.text.slice(0, 20_000), language: translation.language.slice(0, 35), tool: translation.tool?.slice(0, 64) ?? null } } : {}),
    // Snapshots are bounded like the schema; a passage longer than that is cut, never refused.
    quote: quote === null ? null : quote.slice(0, 10_000),
    title: source.title.slice(0, 500),
    outlet: source.outlet?.slice(0, 200) ?? null,
    author: source.author?.slice(0, 300) ?? null,
    publishedAt: source.publishedAt,
    citekey: source.citekey.slice(0, 100),
  };
}

/** A citation of a whole source (no passage). */
export function sourceCitation(source: SourceFacts): CitationPayload {
  return { sourceId: source.id, highlightId: null, snapshot: snapshotOf(source, null) };
}

/** A citation of one highlighted passage of a source. */
export function highlightCitation(source: SourceFacts, highlight: { id: number; exact: string; translation?: HighlightTranslation | null }): CitationPayload {
  return { sourceId: source.id, highlightId: highlight.id, snapshot: snapshotOf(source, highlight.exact, highlight.translation ?? null) };
}

/**
 * The words "Quote in note" puts in the block quote before the chip, by the export's quote mode
 * (quotedWords, so a note reads as its export does): the quote, its translation, or both, the
 * translation in square brackets after the quote.
 */
export function quoteInNoteText(snapshot: CitationSnapshot, mode: QuoteMode): string {
  const { quote, bracketed } = quotedWords(snapshot.quote ?? '', snapshot.translation?.text ?? null, mode);
  return bracketed === null ? quote : `${quote} [${bracketed}]`;
}
