import type { CitationSnapshot } from '../domain/note';

/**
 * What a citation chip shows: the outlet and date ("AzerNews, 2023-01-11"), or the title when the
 * outlet is unknown. The same words go into the note's plain text, so a search for an outlet finds
 * the notes citing it.
 */
export function citationLabel(snapshot: CitationSnapshot): string {
  const name = snapshot.outlet ?? snapshot.title;
  return snapshot.publishedAt ? `${name}, ${snapshot.publishedAt}` : name;
}

/** A citation in a note's plain text: the chip's label in parentheses, as an author-date citation reads. */
export function citationPlainText(snapshot: CitationSnapshot): string {
  return `(${citationLabel(snapshot)})`;
}
