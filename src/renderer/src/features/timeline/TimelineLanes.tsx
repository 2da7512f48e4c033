import type { PointerEvent } from 'react';
import { useRef, useState } from 'react';
import type { PassageFilter, Timeline, TimelineMark } from '../../../../shared/domain/compare';
import type { Axis } from './timelineScale';
import { axisOf, draggedRange, fractionOf } from './timelineScale';

interface TimelineLanesProps {
  data: Timeline;
  onOpenSource: (id: number) => void;
  /** A range dragged across the lanes (or a mark of several days clicked), earliest date first. */
  onRange: (from: string, to: string) => void;
  /** A mark of several sources on one day clicked: its passages. */
  onShowPassages: (filter: PassageFilter) => void;
  colors: Map<string, string | null>;
}

/** A code's colour on the timeline: from the codebook, else a stable hue from its name. */
function codeHue(code: string): string {
  let hash = 0;
  for (const character of code) hash = (hash * 31 + character.codePointAt(0)!) | 0;
  return `hsl(${Math.abs(hash) % 360} 60% 45%)`;
}

const percent = (fraction: number) => `${Math.min(1, Math.max(0, fraction)) * 100}%`;

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The codes a mark's hover lists, most passages first. */
const codeList = (mark: TimelineMark) => mark.codes.map(({ code, passages }) => `${code} (${passages})`).join(', ');

/** What hovering a mark says, and its accessible name. */
export function markLabel(mark: TimelineMark, lane: string): string {
  if (mark.source) {
    const codes = mark.codes.map(({ code }) => code);
    return `${mark.source.title}, ${mark.source.publishedAt}${codes.length > 0 ? `, coded ${codes.join(', ')}` : ''}`;
  }
  const counts = `${plural(mark.sourceCount, 'source')}, ${plural(mark.passageCount, 'passage')} from ${lane}`;
  return mark.from === mark.to ? `${counts}, ${mark.from}: show their passages` : `${counts}, ${mark.from} to ${mark.to}: show these dates`;
}

/**
 * One lane per outlet or country, each with the marks the query aggregated (core/compare/timeline.ts:
 * at most 40 per lane, one per stretch of the axis, which zooms to its dates). A mark of one source
 * opens it; a mark of several narrows the range to its dates, or, on a single day, shows their
 * passages. Each lane ends with its undated sources' count. Dragging across the lanes (from
 * anywhere but a mark) chooses a date range; the From and To fields are the keyboard's way.
 */
export function TimelineLanes({ data, onOpenSource, onRange, onShowPassages, colors }: TimelineLanesProps) {
  // The stretch of the lanes the axis spans: its box turns a pointer into a date.
  const tracks = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const axis: Axis | null = data.from && data.to ? axisOf(data.from, data.to) : null;
  if (data.lanes.length === 0) return <p className="library-no-match">No source to show.</p>;

  const fractionAt = (event: PointerEvent): number => {
    const box = tracks.current!.getBoundingClientRect();
    return box.width === 0 ? 0 : (event.clientX - box.left) / box.width;
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!axis || event.button !== 0 || (event.target as Element).closest('button, [tabindex]')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = fractionAt(event);
    setDrag({ start: at, end: at });
    event.preventDefault(); // no text selection while dragging
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ ...drag, end: fractionAt(event) });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag || !axis) return;
    setDrag(null);
    const range = draggedRange(axis, drag.start, fractionAt(event));
    if (range) onRange(range.from, range.to);
  };
  const color = (code: string) => colors.get(code) ?? codeHue(code);
  const stripes = (mark: TimelineMark, max: number) =>
    mark.codes.length > 0
      ? mark.codes.slice(0, max).map(({ code }) => <span key={code} className="timeline-passage" style={{ background: color(code) }} />)
      : mark.passageCount > 0
        ? [<span key="" className="timeline-passage" style={{ background: '#999' }} />]
        : null;
  const onMark = (mark: TimelineMark, lane: string) => {
    if (mark.source) onOpenSource(mark.source.id);
    else if (mark.from !== mark.to) onRange(mark.from, mark.to);
    else onShowPassages({ after: mark.from, before: mark.to, ...(data.by === 'country' ? { country: lane } : { outlet: lane }) });
  };

  const dragged = drag && axis ? draggedRange(axis, drag.start, drag.end) : null;
  return (
    <div className="timeline" role="list" aria-label="Timeline lanes" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => setDrag(null)}>
      {axis ? (
        <div className="timeline-axis" aria-hidden="true">
          <span>{data.from}</span>
          {dragged ? (
            <span className="timeline-dragged">
              {dragged.from} – {dragged.to}
            </span>
          ) : null}
          <span>{data.to}</span>
        </div>
      ) : (
        <p className="library-no-match">No source in these dates has a date yet. Set dates in the reader's details.</p>
      )}
      <div className="timeline-tracks" ref={tracks} aria-hidden="true">
        {drag ? <div className="timeline-brush" style={{ left: percent(Math.min(drag.start, drag.end)), right: percent(1 - Math.max(drag.start, drag.end)) }} /> : null}
      </div>
      {data.lanes.map((lane) => (
        <div key={lane.name} role="listitem" className="timeline-lane">
          <div className="timeline-lane-name">{lane.name}</div>
          <ul className="timeline-track" aria-label={`Sources from ${lane.name}`}>
            {axis
              ? lane.marks.map((mark) => {
                  const label = markLabel(mark, lane.name);
                  const title = mark.source || mark.codes.length === 0 ? label : `${label}\n${codeList(mark)}`;
                  const at = (fractionOf(axis, mark.from) + fractionOf(axis, mark.to)) / 2;
                  return (
                    <li key={mark.from} className="timeline-mark" style={{ left: percent(at) }}>
                      <button type="button" className={mark.source ? 'timeline-dot' : 'timeline-dot timeline-cluster'} title={title} aria-label={label} onClick={() => onMark(mark, lane.name)}>
                        {mark.source ? stripes(mark, 6) : (
                          <>
                            {mark.sourceCount.toLocaleString('en')}
                            {stripes(mark, 3)}
                          </>
                        )}
                      </button>
                    </li>
                  );
                })
              : null}
          </ul>
          <div className="timeline-undated">
            {lane.undatedCount > 0 ? (
              // Reachable by Tab and named, so an undated source is never silently missing.
              <span role="note" tabIndex={0} aria-label={`Undated: ${plural(lane.undatedCount, 'source')} from ${lane.name}`} title={`${plural(lane.undatedCount, 'source')} from ${lane.name} without a date, not on the axis (set dates in the reader's details)`}>
                Undated: {lane.undatedCount.toLocaleString('en')}
              </span>
            ) : null}
          </div>
        </div>
      ))}
    </div>
  );
}
