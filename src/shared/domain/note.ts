import { z } from 'zod';
import { IsoDate, SourceId } from './source';

/**
 * Notes and the citations inside them. A note's body is a Lexical editor state stored as JSON; the
 * citation node's serialized form is declared here (not in the renderer) because core reads it too:
 * to derive the `citations` rows and plain text on save, and to export Markdown.
 */
export const NoteId = z.number().int().positive();

/** What a citation remembers of its passage and source, so a note still reads if they are deleted. */
export const CitationSnapshot = z.object({
  /** The quoted words; null when the citation is of a whole source. */
  quote: z.string().max(10_000).nullable(),
  title: z.string().max(500),
  outlet: z.string().max(200).nullable(),
  author: z.string().max(300).nullable(),
  publishedAt: IsoDate.nullable(),
  citekey: z.string().max(100).nullable(),
  /**
   * The passage's translation when it was cited (issue 14), shown and exported once the passage is
   * gone; absent in citations made before, and when the passage had none.
   */
  translation: z.object({ text: z.string().max(20_000), language: z.string().max(35), tool: z.string().max(64).nullable() }).nullable().optional(),
});
export type CitationSnapshot = z.infer<typeof CitationSnapshot>;

export const CITATION_NODE_TYPE = 'citation';

/** The JSON of a CitationNode inside a saved Lexical state. Saved notes are input: validate it. */
export const SerializedCitation = z.object({
  type: z.literal(CITATION_NODE_TYPE),
  version: z.literal(1),
  sourceId: SourceId,
  /** null for a citation of a whole source. */
  highlightId: z.number().int().positive().nullable(),
  snapshot: CitationSnapshot,
});
export type SerializedCitation = z.infer<typeof SerializedCitation>;

export const NoteSummary = z.object({
  id: NoteId,
  title: z.string(),
  updatedAt: z.string(),
  citationCount: z.number().int().nonnegative(),
});
export type NoteSummary = z.infer<typeof NoteSummary>;

export const Note = NoteSummary.extend({
  createdAt: z.string(),
  /** The Lexical editor state, as JSON text. */
  editorState: z.string(),
});
export type Note = z.infer<typeof Note>;
