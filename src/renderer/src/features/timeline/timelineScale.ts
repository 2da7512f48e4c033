/** The timeline's date axis: days since the epoch, the dates a stretch of the axis covers, and how many marks a lane shows. */

import { TIMELINE_MAX_MARKS } from '../../../../shared/domain/compare';

/** Pixels a mark takes along its lane: a numbered mark of three digits, and a little space. */
export const MARK_PITCH_PX = 28;
/** What a lane gives to its name, its undated count and the gaps between them (timeline.css), in rem. */
const LANE_CHROME_REM = 21;
/**
 * Below this width (rem) a lane's name and undated count sit above its track, which then spans the
 * lane (timeline.css, its container query: keep the two alike); it gives up only the end padding
 * and half the widest mark at either end.
 */
export const NARROW_TIMELINE_REM = 40;
const NARROW_LANE_CHROME_REM = 3.75;
/** A lane shows at least this many marks, however narrow (they may then cover each other). */
const MIN_MARKS = 8;

/**
 * The marks a lane in a box `boxWidth` pixels wide shows side by side without covering each other,
 * from 8 up to TIMELINE_MAX_MARKS: the query aggregates the sources into as many stretches.
 */
export function marksFitting(boxWidth: number, remPx: number): number {
  const track = boxWidth - (boxWidth < NARROW_TIMELINE_REM * remPx ? NARROW_LANE_CHROME_REM : LANE_CHROME_REM) * remPx;
  return Math.min(TIMELINE_MAX_MARKS, Math.max(MIN_MARKS, Math.floor(track / MARK_PITCH_PX)));
}

const DAY = 86_400_000;

/** Whole days since 1970-01-01 of a YYYY-MM-DD date. */
export const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;

/** The YYYY-MM-DD date of a day number. */
export const dateOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** An axis from `from` to `to` (inclusive dates); a single day still gets a width. */
export interface Axis {
  start: number;
  span: number;
}

export function axisOf(from: string, to: string): Axis {
  const start = dayNumber(from);
  return { start, span: Math.max(1, dayNumber(to) - start) };
}

/** Where a date sits along the axis, 0 to 1. */
export const fractionOf = (axis: Axis, date: string): number => (dayNumber(date) - axis.start) / axis.span;

/** The date nearest a point along the axis (0 to 1, clamped). */
export function dateAt(axis: Axis, fraction: number): string {
  return dateOfDay(axis.start + Math.round(Math.min(1, Math.max(0, fraction)) * axis.span));
}

/**
 * The dates a drag from one point of the axis to another covers, earliest first; null when the
 * drag stayed on one day (a click, not a range).
 */
export function draggedRange(axis: Axis, startFraction: number, endFraction: number): { from: string; to: string } | null {
  const [a, b] = [dateAt(axis, startFraction), dateAt(axis, endFraction)];
  if (a === b) return null;
  return a < b ? { from: a, to: b } : { from: b, to: a };
}
