import type { CSSProperties } from 'react';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { describeTranslation } from '../../../../shared/domain/translation';
import { citationLabel } from '../../../../shared/notes/citationLabel';
import type { CitationPayload } from '../../../../shared/notes/citationPayload';
import { useCitationEnvironment } from './citationEnvironment';
import type { TooltipPlace } from './placeTooltip';
import { placeTooltip } from './placeTooltip';

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
  // The tooltip is fixed to the window, placed inside it on both sides and flipped below the chip
  // near the top (issue 16: the note column clipped it on the left, then on the right). Placed while
  // the chip is hovered or focused, again as anything scrolls or the window resizes.
  const wrapRef = useRef<HTMLSpanElement>(null);
  const tipRef = useRef<HTMLSpanElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [place, setPlace] = useState<TooltipPlace | null>(null);
  const shown = hovered || focused;
  useLayoutEffect(() => {
    if (!shown) {
      setPlace(null);
      return;
    }
    const update = () => {
      const chip = wrapRef.current?.querySelector('.citation-chip')?.getBoundingClientRect();
      const tip = tipRef.current?.getBoundingClientRect();
      if (!chip || !tip) return;
      setPlace(placeTooltip(chip, tip, { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
    };
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [shown]);
  // Unseen until placed (it is measured where it is).
  const tipStyle: CSSProperties = place ? { left: place.left, top: place.top } : { visibility: 'hidden' };
  return (
    <span
      ref={wrapRef}
      className={shown ? 'citation-chip-wrap is-tooltip-shown' : 'citation-chip-wrap'}
      data-state={state}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
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
      <span ref={tipRef} id={tooltipId} role="tooltip" className={place?.below ? 'citation-tooltip is-below' : 'citation-tooltip'} style={tipStyle}>
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
