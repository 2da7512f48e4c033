import type { PointerEvent } from 'react';
import { useRef, useState } from 'react';
import type { Timeline } from '../../../../shared/domain/compare';
import type { Axis } from './timelineScale';
import { axisOf, draggedRange, fractionOf, laneMarks } from './timelineScale';

interface TimelineLanesProps {
  data: Timeline;
  onOpenSource: (id: number) => void;
  /** A range dragged across the lanes, earliest date first. */
  onRange: (from: string, to: string) => void;
  colors: Map<string, string | null>;
}

/** A code's colour on the timeline: from the codebook, else a stable hue from its name. */
function codeHue(code: string): string {
  let hash = 0;
  for (const character of code) hash = (hash * 31 + character.codePointAt(0)!) | 0;
  return `hsl(${Math.abs(hash) % 360} 60% 45%)`;
}

const percent = (fraction: number) => `${Math.min(1, Math.max(0, fraction)) * 100}%`;

/**
 * One lane per outlet or country, a mark per source (in a crowded lane, one per stretch of the
 * axis, which zooms to its dates: timelineScale.ts's laneMarks). Dragging across the lanes (from anywhere but
 * a mark, which opens its source) chooses a date range; the From and To fields are the keyboard's way.
 */
export function TimelineLanes({ data, onOpenSource, onRange, colors }: TimelineLanesProps) {
  // The stretch of the lanes the axis spans: its box turns a pointer into a date.
  const tracks = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  if (!data.from || !data.to) return <p className="library-no-match">No source has a date yet. Set dates in the reader's details.</p>;
  const axis: Axis = axisOf(data.from, data.to);

  const fractionAt = (event: PointerEvent): number => {
    const box = tracks.current!.getBoundingClientRect();
    return box.width === 0 ? 0 : (event.clientX - box.left) / box.width;
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || (event.target as Element).closest('button')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = fractionAt(event);
    setDrag({ start: at, end: at });
    event.preventDefault(); // no text selection while dragging
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ ...drag, end: fractionAt(event) });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    setDrag(null);
    const range = draggedRange(axis, drag.start, fractionAt(event));
    if (range) onRange(range.from, range.to);
  };

  const dragged = drag ? draggedRange(axis, drag.start, drag.end) : null;
  return (
    <div className="timeline" role="list" aria-label="Timeline lanes" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => setDrag(null)}>
      <div className="timeline-axis" aria-hidden="true">
        <span>{data.from}</span>
        {dragged ? (
          <span className="timeline-dragged">
            {dragged.from} – {dragged.to}
          </span>
        ) : null}
        <span>{data.to}</span>
      </div>
      <div className="timeline-tracks" ref={tracks} aria-hidden="true">
        {drag ? <div className="timeline-brush" style={{ left: percent(Math.min(drag.start, drag.end)), right: percent(1 - Math.max(drag.start, drag.end)) }} /> : null}
      </div>
      {data.lanes.map((lane) => (
        <div key={lane.name} role="listitem" className="timeline-lane">
          <div className="timeline-lane-name">{lane.name}</div>
          <ul className="timeline-track" aria-label={`Sources from ${lane.name}`}>
            {laneMarks(lane.sources, axis).map((mark) => {
              if (mark.kind === 'cluster') {
                const label = `${mark.sources.length} sources from ${lane.name}, ${mark.from} to ${mark.to}: show these dates`;
                return (
                  <li key={`${mark.from}:${mark.sources[0]!.id}`} className="timeline-mark" style={{ left: percent(fractionOf(axis, mark.from)) }}>
                    <button type="button" className="timeline-dot timeline-cluster" title={label} aria-label={label} onClick={() => onRange(mark.from, mark.to)}>
                      {mark.sources.length}
                    </button>
                  </li>
                );
              }
              const { source } = mark;
              const codes = [...new Set(source.passages.flatMap((passage) => passage.codes))];
              const label = `${source.title}, ${source.publishedAt}${codes.length > 0 ? `, coded ${codes.join(', ')}` : ''}`;
              return (
                <li key={source.id} className="timeline-mark" style={{ left: percent(fractionOf(axis, source.publishedAt)) }}>
                  <button type="button" className="timeline-dot" title={label} aria-label={label} onClick={() => onOpenSource(source.id)}>
                    {source.passages.slice(0, 6).map((passage) => (
                      <span key={passage.id} className="timeline-passage" style={{ background: passage.codes[0] ? (colors.get(passage.codes[0]) ?? codeHue(passage.codes[0])) : '#999' }} />
                    ))}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
