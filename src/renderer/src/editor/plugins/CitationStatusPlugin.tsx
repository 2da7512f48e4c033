import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfsIterator } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import type { ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import type { CitationPayload } from '../../../../shared/notes/citationPayload';
import { api } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import type { CitationEnvironment } from '../nodes/citationEnvironment';
import { CitationEnvironmentContext } from '../nodes/citationEnvironment';
import { $isCitationNode, CitationNode } from '../nodes/CitationNode';

interface CitedIds {
  sourceIds: number[];
  highlightIds: number[];
}

function citedIds(editor: LexicalEditor): CitedIds {
  const sources = new Set<number>();
  const highlights = new Set<number>();
  editor.getEditorState().read(() => {
    for (const { node } of $dfsIterator()) {
      if (!$isCitationNode(node)) continue;
      const { sourceId, highlightId } = node.getCitation();
      sources.add(sourceId);
      if (highlightId !== null) highlights.add(highlightId);
    }
  });
  const sorted = (ids: Set<number>) => [...ids].sort((a, b) => a - b);
  return { sourceIds: sorted(sources), highlightIds: sorted(highlights) };
}

/**
 * Tells every citation chip whether its passage or source still exists, its source's details as
 * they are now (the `sources` change of an edit, here or in another window, re-asks), and how to open it.
 * Asks the library again when the note's set of cited ids changes and whenever the library
 * changes (a highlight deleted in the reader turns its chips to "passage deleted" at once).
 */
export function CitationStatusPlugin({ onOpen, children }: { onOpen: (citation: CitationPayload) => void; children: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const [ids, setIds] = useState<CitedIds>(() => citedIds(editor));
  const key = `${ids.sourceIds.join(',')}|${ids.highlightIds.join(',')}`;

  useEffect(
    () =>
      // Only creations and deletions of citations change the set; typing elsewhere costs nothing here.
      editor.registerMutationListener(CitationNode, () => {
        const next = citedIds(editor);
        setIds((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
      }),
    [editor],
  );

  const status = useQuery(`citation-targets:${key}`, () =>
    ids.sourceIds.length === 0 ? Promise.resolve({ missingSourceIds: [], missingHighlightIds: [], sources: [], translations: [] }) : api.checkCitationTargets(ids),
    { dependencies: [{ kind: 'sources', ids: ids.sourceIds }, { kind: 'highlights', ids: ids.sourceIds }] },
  );

  const environment = useMemo<CitationEnvironment>(() => {
    const missingSources = new Set(status.data?.missingSourceIds);
    const missingHighlights = new Set(status.data?.missingHighlightIds);
    const translations = new Map(status.data?.translations.map(({ highlightId, translation }) => [highlightId, translation]));
    const details = new Map(status.data?.sources.map(({ id, ...current }) => [id, current]));
    return {
      currentDetails: (sourceId) => details.get(sourceId),
      stateOf: ({ sourceId, highlightId }) =>
        missingSources.has(sourceId) ? 'source-deleted' : highlightId !== null && missingHighlights.has(highlightId) ? 'passage-deleted' : 'present',
      open: onOpen,
      translationOf: (highlightId) => (highlightId === null ? null : (translations.get(highlightId) ?? null)),
    };
  }, [status.data, onOpen]);

  return <CitationEnvironmentContext.Provider value={environment}>{children}</CitationEnvironmentContext.Provider>;
}
