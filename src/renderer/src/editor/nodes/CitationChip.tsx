import { useId, useState } from 'react';
import { describeTranslation } from '../../../../shared/domain/translation';
import { citationLabel } from '../../../../shared/notes/citationLabel';
import type { CitationPayload } from '../../../../shared/notes/citationPayload';
import { useCitationEnvironment } from './citationEnvironment';

const GONE_WORDS = { 'passage-deleted': 'passage deleted', 'source-deleted': 'source deleted' } as const;

const GONE_EXPLANATION = {
  'passage-deleted': 'This passage was deleted from the library. The note keeps the words it quoted.',
  'source-deleted': 'This source was deleted from the library. The note keeps what it quoted.',
} as const;

/**
 * The chip a CitationNode renders: "AzerNews, 2023-01-11", a button that opens the source at the
 * passage. Hover or focus shows the quoted words (the tooltip is also its accessible description).
 * While the source exists it shows the source's details as they are now (corrected since it was
 * cited, or in another window, issue 16), as the export does; its snapshot once the source is gone.
 */
export function CitationChip({ citation }: { citation: CitationPayload }) {
  const environment = useCitationEnvironment();
  const tooltipId = useId();
  const state = environment.stateOf(citation);
  const current = state === 'source-deleted' ? undefined : environment.currentDetails(citation.sourceId);
  const snapshot = current ? { ...citation.snapshot, ...current, quote: citation.snapshot.quote } : citation.snapshot;
  const label = citationLabel(snapshot);
  const gone = state === 'present' ? null : state;
  // As the library holds it now; once the passage is gone, what the citation kept of it.
  const translation = gone ? (citation.snapshot.translation ?? null) : environment.translationOf(citation.highlightId);
  const facts = [snapshot.outlet, snapshot.author, snapshot.publishedAt].filter(Boolean).join(' · ');
  // A chip in the right half of the note opens its tooltip leftwards, so the column does not clip it.
  const [alignEnd, setAlignEnd] = useState(false);
  const placeTooltip = (wrap: HTMLElement) => {
    const column = wrap.closest('.note-editor-content')?.getBoundingClientRect();
    const chip = wrap.getBoundingClientRect();
    setAlignEnd(column !== undefined && chip.left + chip.width / 2 > column.left + column.width / 2);
  };
  return (
    <span
      className={alignEnd ? 'citation-chip-wrap is-tooltip-end' : 'citation-chip-wrap'}
      data-state={state}
      onPointerEnter={(event) => placeTooltip(event.currentTarget)}
      onFocus={(event) => placeTooltip(event.currentTarget)}
    >
      <button
        type="button"
        className="citation-chip"
        aria-label={`Citation: ${label}${gone ? ` (${GONE_WORDS[gone]})` : ''}`}
        aria-describedby={tooltipId}
        aria-disabled={state === 'source-deleted' || undefined}
        onClick={() => {
          if (state !== 'source-deleted') environment.open(citation);
        }}
      >
        <span className="citation-chip-label">{label}</span>
        {gone ? <span className="citation-chip-gone"> · {GONE_WORDS[gone]}</span> : null}
      </button>
      <span id={tooltipId} role="tooltip" className="citation-tooltip">
        {snapshot.quote ? <q className="citation-tooltip-quote">{snapshot.quote}</q> : null}
        {translation ? (
          <span className="citation-tooltip-translation" lang={translation.language}>
            [{translation.text}] <span className="citation-tooltip-origin" lang="en">({describeTranslation(translation)})</span>
          </span>
        ) : null}
        <span className="citation-tooltip-source">
          <bdi>{snapshot.title}</bdi>
          {facts ? ` — ${facts}` : ''}
        </span>
        {gone ? <span className="citation-tooltip-gone">{GONE_EXPLANATION[gone]}</span> : null}
      </span>
    </span>
  );
}
