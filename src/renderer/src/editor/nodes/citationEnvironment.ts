import { createContext, useContext } from 'react';
import type { HighlightTranslation } from '../../../../shared/domain/translation';
import type { CitationSnapshot } from '../../../../shared/domain/note';
import type { CitationPayload } from '../../../../shared/notes/citationPayload';

/** Whether what a citation points at is still in the library. Its snapshot keeps the note readable either way. */
export type CitationTargetState = 'present' | 'passage-deleted' | 'source-deleted';

/**
 * What a citation chip needs from around the editor: whether its target still exists, and how to
 * open it. Provided by CitationStatusPlugin; the defaults keep a chip usable outside it (tests).
 */
export interface CitationEnvironment {
  stateOf(target: { sourceId: number; highlightId: number | null }): CitationTargetState;
  open(citation: CitationPayload): void;
  /** The cited passage's translation as the library holds it now (issue 14), or null. */
  translationOf(highlightId: number | null): HighlightTranslation | null;
  /** The source's title, outlet, author, date and citekey as they are now; undefined until known or once it is gone. */
  currentDetails(sourceId: number): Omit<CitationSnapshot, 'quote'> | undefined;
}

export const CitationEnvironmentContext = createContext<CitationEnvironment>({
  stateOf: () => 'present',
  open: () => undefined,
  translationOf: () => null,
  currentDetails: () => undefined,
});

export const useCitationEnvironment = (): CitationEnvironment => useContext(CitationEnvironmentContext);
