import type { FocusEvent, PointerEvent } from 'react';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { PassageFilter, Timeline, TimelineLane, TimelineMark } from '../../../../shared/domain/compare';
import type { Axis } from './timelineScale';
import { axisOf, axisTicks, draggedRange, fractionOf } from './timelineScale';

interface TimelineLanesProps {
  data: Timeline;
  /** The lanes' track in pixels and the root font size (timelineScale.ts, trackWidth): the dates the axis labels between its ends. */
  track: { width: number; remPx: number };
  onOpenSource: (id: number) => void;
  /** A range dragged across the lanes (or a mark of several days clicked), earliest date first. */
  onRange: (from: string, to: string) => void;
  /** A mark of several sources on one day clicked: its passages. */
  onShowPassages: (filter: PassageFilter) => void;
}

/** A code's colour on the timeline: from the codebook, else a stable hue from its name. */
function codeHue(code: string): string {
  let hash = 0;
  for (const character of code) hash = (hash * 31 + character.codePointAt(0)!) | 0;
  return `hsl(${Math.abs(hash) % 360} 60% 45%)`;
}

const percent = (fraction: number) => `${Math.min(1, Math.max(0, fraction)) * 100}%`;

/** One formatter for every count (Number.toLocaleString builds one per call: the most costly step of drawing 1,200 marks). */
const numbers = new Intl.NumberFormat('en');
const count = (n: number) => numbers.format(n);
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** The codes a mark's hover lists, most passages first. */
const codeList = (mark: TimelineMark, codes: Timeline['codes']) => mark.codes.map(([at, passages]) => `${codes[at]!.name} (${passages})`).join(', ');

/** A mark's accessible name, and the first line of what hovering it says. */
export function markLabel(mark: TimelineMark, lane: string, codes: Timeline['codes']): string {
  if (mark.source) {
    const names = mark.codes.map(([at]) => codes[at]!.name);
    return `${mark.source.title}, ${mark.source.publishedAt}${names.length > 0 ? `, coded ${names.join(', ')}` : ''}`;
  }
  const counts = `${plural(mark.sourceCount, 'source')}, ${plural(mark.passageCount, 'passage')} from ${lane}`;
  return mark.from === mark.to ? `${counts}, ${mark.from}: show their passages` : `${counts}, ${mark.from} to ${mark.to}: show these dates`;
}

/** What hovering a mark says: its label, and for a mark of several sources its codes with their passages. */
export function markTitle(mark: TimelineMark, lane: string, codes: Timeline['codes']): string {
  const label = markLabel(mark, lane, codes);
  return mark.source || mark.codes.length === 0 ? label : `${label}\n${codeList(mark, codes)}`;
}

/** Each of the timeline's codes' colour, by its index: the codebook's, else a hue from its name. */
export const codeColors = (codes: Timeline['codes']): string[] => codes.map(({ name, color }) => color ?? codeHue(name));

/** A passage without a code. */
export const UNCODED = '#999';

/**
 * A mark's passages as bands of its codes' colours (its `max` most used codes; `colors` by code
 * index, codeColors), one background image for the whole mark rather than an element per code:
 * stacked for a lone source, side by side along the bottom of a numbered mark. Null when it has no passage.
 */
export function markStripes(mark: TimelineMark, max: number, colors: readonly string[], direction: 'down' | 'across'): string | null {
  const bands = mark.codes.length > 0 ? mark.codes.slice(0, max).map(([at]) => colors[at]!) : mark.passageCount > 0 ? [UNCODED] : [];
  if (bands.length === 0) return null;
  const stops = bands.map((color, index) => `${color} ${((index / bands.length) * 100).toFixed(2)}% ${(((index + 1) / bands.length) * 100).toFixed(2)}%`);
  return `linear-gradient(${direction === 'down' ? 'to bottom' : 'to right'}, ${stops.join(', ')})`;
}

interface LaneProps {
  lane: TimelineLane;
  axis: Axis | null;
  codes: Timeline['codes'];
  colors: readonly string[];
  onMark: (mark: TimelineMark, lane: string) => void;
}

/**
 * One lane: its marks, each a list item holding one button (the code bands are its background,
 * a numbered mark's count its text; the list item has no box of its own: timeline.css), and its
 * undated count. A mark's accessible name is set as it
 * is drawn, its title (the name and its codes' passages) only when it is first hovered or focused:
 * 480 marks drawn, a few read. One click handler and one hover handler for the lane's marks, not
 * a closure each. Memoized: dragging a range redraws the brush, not the lanes.
 */
const Lane = memo(function Lane({ lane, axis, codes, colors, onMark }: LaneProps) {
  const markOf = (target: EventTarget): { button: HTMLButtonElement; mark: TimelineMark } | null => {
    const button = (target as Element).closest?.('button[data-mark]') as HTMLButtonElement | null;
    const mark = button ? lane.marks[Number(button.dataset.mark)] : undefined;
    return button && mark ? { button, mark } : null;
  };
  const showTitle = (event: PointerEvent | FocusEvent) => {
    const found = markOf(event.target);
    if (found && !found.button.title) found.button.title = markTitle(found.mark, lane.name, codes);
  };
  return (
    <div role="listitem" className="timeline-lane">
      <div className="timeline-lane-name">{lane.name}</div>
      <ul
        className="timeline-track"
        aria-label={`Sources from ${lane.name}`}
        onPointerOver={showTitle}
        onFocus={showTitle}
        onClick={(event) => {
          const found = markOf(event.target);
          if (found) onMark(found.mark, lane.name);
        }}
      >
        {axis
          ? lane.marks.map((mark, index) => {
              const at = (fractionOf(axis, mark.from) + fractionOf(axis, mark.to)) / 2;
              const stripes = mark.source ? markStripes(mark, 6, colors, 'down') : markStripes(mark, 3, colors, 'across');
              return (
                <li key={mark.from} className="timeline-mark">
                  <button type="button" data-mark={index} className={mark.source ? 'timeline-dot' : 'timeline-dot timeline-cluster'} aria-label={markLabel(mark, lane.name, codes)} style={stripes ? { left: percent(at), backgroundImage: stripes } : { left: percent(at) }}>
                    {mark.source ? null : count(mark.sourceCount)}
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
            Undated: {count(lane.undatedCount)}
          </span>
        ) : null}
      </div>
    </div>
  );
});

/**
 * One lane per outlet or country, each with the marks the query aggregated (core/compare/timeline.ts:
 * as many per lane as it shows side by side, at most 40, one per stretch of the axis, which zooms to
 * its dates). A mark of one source
 * opens it; a mark of several narrows the range to its dates, or, on a single day, shows their
 * passages. Each lane ends with its undated sources' count. Dragging across the lanes (from
 * anywhere but a mark) chooses a date range; the From and To fields are the keyboard's way.
 * Codes and their colours come with the timeline (`data.codes`, each named once, the marks
 * referring to them by index), so it draws once, from one request.
 */
export function TimelineLanes({ data, track, onOpenSource, onRange, onShowPassages }: TimelineLanesProps) {
  // The stretch of the lanes the axis spans: its box turns a pointer into a date.
  const tracks = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const { by, from, to } = data;
  const onMark = useCallback(
    (mark: TimelineMark, lane: string) => {
      if (mark.source) onOpenSource(mark.source.id);
      else if (mark.from !== mark.to) onRange(mark.from, mark.to);
      else onShowPassages({ after: mark.from, before: mark.to, ...(by === 'country' ? { country: lane } : { outlet: lane }) });
    },
    [by, onOpenSource, onRange, onShowPassages],
  );
  // Kept across renders (a drag re-renders this component), so the memoized lanes keep theirs.
  const axis = useMemo(() => (from && to ? axisOf(from, to) : null), [from, to]);
  const colors = useMemo(() => codeColors(data.codes), [data.codes]);
  const ticks = useMemo(() => (axis ? axisTicks(axis, track.width, track.remPx) : []), [axis, track.width, track.remPx]);
  if (data.lanes.length === 0) return <p className="library-no-match">No source to show. Import articles in the Library, or choose wider dates or every source, not only those with passages.</p>;

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

  const dragged = drag && axis ? draggedRange(axis, drag.start, drag.end) : null;
  return (
    <div className="timeline" role="list" aria-label="Timeline lanes" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => setDrag(null)}>
      {axis ? (
        <div className="timeline-axis" aria-hidden="true">
          <span>{from}</span>
          {dragged ? (
            <span className="timeline-dragged">
              {dragged.from} – {dragged.to}
            </span>
          ) : (
            ticks.map((tick) => (
              <span key={tick.date} className="timeline-tick" style={{ left: percent(tick.at) }}>
                {tick.label}
              </span>
            ))
          )}
          <span>{to}</span>
        </div>
      ) : (
        <p className="library-no-match">No source in these dates has a date yet. Set dates in the reader's details.</p>
      )}
      <div className="timeline-tracks" ref={tracks} aria-hidden="true">
        {ticks.map((tick) => (
          <div key={tick.date} className="timeline-gridline" style={{ left: percent(tick.at) }} />
        ))}
        {drag ? <div className="timeline-brush" style={{ left: percent(Math.min(drag.start, drag.end)), right: percent(1 - Math.max(drag.start, drag.end)) }} /> : null}
      </div>
      {data.lanes.map((lane) => (
        <Lane key={lane.name} lane={lane} axis={axis} codes={data.codes} colors={colors} onMark={onMark} />
      ))}
    </div>
  );
}
