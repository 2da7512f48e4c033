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
  return Math.min(TIMELINE_MAX_MARKS, Math.max(MIN_MARKS, Math.floor(trackWidth(boxWidth, remPx) / MARK_PITCH_PX)));
}

/** The width in pixels of a lane's track (and of the axis above it) in a box `boxWidth` pixels wide. */
export function trackWidth(boxWidth: number, remPx: number): number {
  return Math.max(0, boxWidth - (boxWidth < NARROW_TIMELINE_REM * remPx ? NARROW_LANE_CHROME_REM : LANE_CHROME_REM) * remPx);
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

/** A date labelled along the axis between its two end dates, and where it sits (0 to 1). */
export interface AxisTick {
  date: string;
  at: number;
  label: string;
}

type TickUnit = 'day' | 'week' | 'month' | 'year';
/** The steps between labelled dates, finest first; each step's length in days is about `days`. */
const TICK_STEPS: readonly { unit: TickUnit; every: number; days: number }[] = [
  { unit: 'day', every: 1, days: 1 },
  { unit: 'day', every: 2, days: 2 },
  { unit: 'week', every: 1, days: 7 },
  { unit: 'week', every: 2, days: 14 },
  { unit: 'month', every: 1, days: 30.44 },
  { unit: 'month', every: 3, days: 91.3 },
  { unit: 'month', every: 6, days: 182.6 },
  ...[1, 2, 5, 10, 20, 50, 100].map((every) => ({ unit: 'year' as const, every, days: every * 365.25 })),
];
/** Room a tick's label needs from the next one's centre, and from either end of the axis (whose labels are whole dates), in rem. */
const TICK_GAP_REM = 4.5;
const TICK_END_REM = 6.5;

const MONTHS = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });
const monthName = (day: number) => MONTHS.format(new Date(day * DAY));

/** The first day on or after `from` that starts a step of `unit` and `every`, and the day that starts the next step after `day`. */
function stepsOf(unit: TickUnit, every: number, from: number): { first: number; next: (day: number) => number } {
  if (unit === 'day' || unit === 'week') {
    // Day 0 (1970-01-01) was a Thursday: a week starts on a Monday, day 4.
    const length = unit === 'day' ? every : 7 * every;
    const offset = unit === 'day' ? 0 : 4;
    return { first: from + ((((offset - from) % length) + length) % length), next: (day) => day + length };
  }
  const months = unit === 'month' ? every : 12 * every;
  const date = new Date(from * DAY);
  let index = date.getUTCFullYear() * 12 + date.getUTCMonth();
  if (date.getUTCDate() !== 1) index++;
  index = Math.ceil(index / months) * months;
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  const dayOf = (monthIndex: number) => new Date(0).setUTCFullYear(Math.floor(monthIndex / 12), monthIndex % 12, 1) / DAY;
  return {
    first: dayOf(index),
    next: (day) => {
      const at = new Date(day * DAY);
      return dayOf(at.getUTCFullYear() * 12 + at.getUTCMonth() + months);
    },
  };
}

function tickLabel(unit: TickUnit, day: number): string {
  const date = new Date(day * DAY);
  if (unit === 'year') return String(date.getUTCFullYear());
  if (unit === 'month') return date.getUTCMonth() === 0 ? `${monthName(day)} ${date.getUTCFullYear()}` : monthName(day);
  return `${date.getUTCDate()} ${monthName(day)}`;
}

/**
 * The dates labelled between the axis's end dates on a track `widthPx` wide: the finest of days,
 * Mondays, firsts of a month (the year named at January), of a quarter, of a year… whose labels
 * keep their room apart and clear of the end dates. None when not even one fits.
 */
export function axisTicks(axis: Axis, widthPx: number, remPx: number): AxisTick[] {
  const gap = TICK_GAP_REM * remPx;
  const margin = TICK_END_REM * remPx;
  if (widthPx < 2 * margin) return [];
  const pxPerDay = widthPx / axis.span;
  const end = axis.start + axis.span;
  for (const { unit, every, days } of TICK_STEPS) {
    // A month is 28 to 31 days: a step is tried when its shortest could be far enough apart.
    if (days * 0.92 * pxPerDay < gap) continue;
    const { first, next } = stepsOf(unit, every, axis.start);
    const ticks: AxisTick[] = [];
    let fits = true;
    for (let day = first; day <= end; day = next(day)) {
      const px = (day - axis.start) * pxPerDay;
      if (px < margin || px > widthPx - margin) continue;
      if (ticks.length > 0 && px - ticks.at(-1)!.at * widthPx < gap) {
        fits = false;
        break;
      }
      ticks.push({ date: dateOfDay(day), at: px / widthPx, label: tickLabel(unit, day) });
    }
    if (fits) return ticks;
  }
  return [];
}
