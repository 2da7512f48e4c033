import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PassageFilter, Timeline } from '../../../../shared/domain/compare';
import { prefetchQuery } from '../../api/queryCache';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useQuery } from '../../hooks/useQuery';
import './timeline.css';
import { TIMELINE_READS } from '../compare/compareDependencies';
import { useRememberedState } from '../compare/useRememberedState';
import { codeColors, TimelineLanes, UNCODED } from './TimelineLanes';
import { marksFitting, trackWidth } from './timelineScale';
import type { TimelineChoice } from './timelineRequest';
import { rememberLaneMarks, TIMELINE_REMEMBERED, timelineRequest } from './timelineRequest';

/** How long the lanes' width must stay still before the marks are counted again. */
const RESIZE_SETTLE_MS = 250;

/** What each colour of the marks' bands means: the codes the timeline's marks carry, in its order, and grey for passages without a code where a mark shows them. */
function CodeLegend({ timeline }: { timeline: Timeline }) {
  const colors = useMemo(() => codeColors(timeline.codes), [timeline.codes]);
  const uncoded = useMemo(() => timeline.lanes.some((lane) => lane.marks.some((mark) => mark.codes.length === 0 && mark.passageCount > 0)), [timeline.lanes]);
  const entries = [...timeline.codes.map(({ name }, index) => ({ name, color: colors[index]! })), ...(uncoded ? [{ name: 'passages without a code', color: UNCODED }] : [])];
  if (entries.length === 0) return null;
  return (
    <ul className="timeline-legend" aria-label="Code colours">
      {entries.map(({ name, color }) => (
        <li key={name}>
          <span className="timeline-legend-swatch" style={{ background: color }} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  );
}

/** Marked when the lanes are on screen: the views bench (bench/viewsBench.ts) reads it. */
export const TIMELINE_DRAWN = 'marginalia:timeline-drawn';

interface TimelinePageProps {
  onOpenSource: (sourceId: number) => void;
  onShowPassages: (filter: PassageFilter) => void;
}

/**
 * Sources on a date axis, one lane per outlet or country, their passages coloured by code (issue 11).
 * The query returns marks already aggregated per stretch of the axis, as many as a lane shows side
 * by side (at most 40), so a library of 100,000 sources draws a few hundred marks.
 */
export function TimelinePage({ onOpenSource, onShowPassages }: TimelinePageProps) {
  const [by, setBy] = useRememberedState<TimelineChoice['by']>(...TIMELINE_REMEMBERED.by);
  const [from, setFrom] = useRememberedState<string>(...TIMELINE_REMEMBERED.from);
  const [to, setTo] = useRememberedState<string>(...TIMELINE_REMEMBERED.to);
  const [codedOnly, setCodedOnly] = useRememberedState<boolean>(...TIMELINE_REMEMBERED.codedOnly);
  // The lanes' box: how many marks a lane draws is as many as it shows side by side, so it is
  // measured before the first paint and asked of the query; again once a resize has settled (each
  // 28 pixels of a window being dragged wider would otherwise ask the library for the timeline again).
  const box = useRef<HTMLDivElement>(null);
  const [maxMarks, setMaxMarks] = useState<number | null>(null);
  // The lanes' track, in pixels, and the root font size: where the axis has room for dates.
  const [track, setTrack] = useState({ width: 0, remPx: 16 });
  const request = (marks: number | null) => timelineRequest({ by, from, to, codedOnly, marks });
  const first = useRef(request);
  useLayoutEffect(() => {
    const element = box.current!;
    const remPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const fitting = () => marksFitting(element.clientWidth, remPx());
    const measure = () => {
      const rem = remPx();
      const marks = marksFitting(element.clientWidth, rem);
      const width = trackWidth(element.clientWidth, rem);
      // The same box again (the observer's first report) is no new state: nothing is drawn again.
      setTrack((before) => (before.width === width && before.remPx === rem ? before : { width, remPx: rem }));
      // What the tab asks ahead with next time (timelineRequest.ts).
      rememberLaneMarks(marks);
      setMaxMarks(marks);
    };
    // Asked as the view mounts, not once the render this measure causes has subscribed to it.
    const { key, load } = first.current(fitting());
    prefetchQuery(key, load, { dependencies: TIMELINE_READS });
    measure();
    let settle = 0;
    const observer = new ResizeObserver(() => {
      window.clearTimeout(settle);
      settle = window.setTimeout(measure, RESIZE_SETTLE_MS);
    });
    observer.observe(element);
    return () => {
      window.clearTimeout(settle);
      observer.disconnect();
    };
  }, []);
  const { key, load } = request(maxMarks);
  const data = useQuery(key, load, { dependencies: TIMELINE_READS, enabled: maxMarks !== null });
  const onRange = useCallback(
    (rangeFrom: string, rangeTo: string) => {
      setFrom(rangeFrom);
      setTo(rangeTo);
    },
    [setFrom, setTo],
  );
  const drawn = data.data !== undefined;
  useEffect(() => {
    if (drawn) requestAnimationFrame(() => setTimeout(() => performance.mark(TIMELINE_DRAWN), 0));
  }, [drawn]);
  const range: PassageFilter = { ...(from ? { after: from } : {}), ...(to ? { before: to } : {}) };
  return (
    <div className="page timeline-page" aria-busy={data.loading}>
      <div className="library-toolbar">
        <div className="library-heading">
          <h1>Timeline</h1>
          {data.data ? (
            <p className="library-count">
              {data.data.sourceCount.toLocaleString('en')} dated {data.data.sourceCount === 1 ? 'source' : 'sources'}
              {data.data.undatedCount > 0 ? `; ${data.data.undatedCount.toLocaleString('en')} undated, counted at the end of each lane` : ''}
            </p>
          ) : null}
        </div>
        <div className="library-controls">
          <label className="field-inline">
            <span>Lanes by</span>
            <select className="select" value={by} onChange={(event) => setBy(event.currentTarget.value === 'country' ? 'country' : 'outlet')}>
              <option value="outlet">Outlet</option>
              <option value="country">Country</option>
            </select>
          </label>
          <label className="field-inline">
            <span>From</span>
            <input type="date" className="input" value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
          </label>
          <label className="field-inline">
            <span>To</span>
            <input type="date" className="input" value={to} onChange={(event) => setTo(event.currentTarget.value)} />
          </label>
          <label className="field-inline">
            <input type="checkbox" checked={codedOnly} onChange={(event) => setCodedOnly(event.currentTarget.checked)} />
            <span>Only sources with passages</span>
          </label>
          <button type="button" className="button" disabled={!from && !to} onClick={() => onShowPassages(range)}>
            Show passages in this range
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={!from && !to}
            onClick={() => {
              setFrom('');
              setTo('');
            }}
          >
            All dates
          </button>
        </div>
      </div>
      {data.error ? <ErrorBanner title="The timeline could not be loaded." message={errorMessage(data.error, 'load the timeline')} onRetry={data.retry} /> : null}
      <p className="timeline-hint">Drag across the lanes to choose a date range, or type it in From and To.</p>
      {data.data ? <CodeLegend timeline={data.data} /> : null}
      <div ref={box}>{data.data ? <TimelineLanes data={data.data} track={track} onOpenSource={onOpenSource} onRange={onRange} onShowPassages={onShowPassages} /> : null}</div>
    </div>
  );
}
