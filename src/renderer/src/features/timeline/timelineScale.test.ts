import { describe, expect, it } from 'vitest';
import { axisOf, axisTicks, dateAt, draggedRange, fractionOf, MARK_PITCH_PX, marksFitting } from './timelineScale';

describe('the timeline axis', () => {
  const axis = axisOf('2023-01-11', '2023-01-20');

  it('places dates along it and finds the nearest date of a point, across a month end', () => {
    expect(fractionOf(axis, '2023-01-11')).toBe(0);
    expect(fractionOf(axis, '2023-01-20')).toBe(1);
    expect(fractionOf(axis, '2023-01-12')).toBeCloseTo(1 / 9);
    expect(dateAt(axis, 0.06)).toBe('2023-01-12');
    expect(dateAt(axis, 1.4)).toBe('2023-01-20');
    expect(dateAt(axis, -3)).toBe('2023-01-11');
    expect(dateAt(axisOf('2022-12-30', '2023-01-02'), 0.5)).toBe('2023-01-01');
  });

  it('a drag either way is a range earliest first; a drag within one day is none', () => {
    expect(draggedRange(axis, 0.45, 0.02)).toEqual({ from: '2023-01-11', to: '2023-01-15' });
    expect(draggedRange(axis, 0.02, 0.45)).toEqual({ from: '2023-01-11', to: '2023-01-15' });
    expect(draggedRange(axis, 0.3, 0.32)).toBeNull();
  });

  it('a library of one day still has an axis', () => {
    const single = axisOf('2023-01-11', '2023-01-11');
    expect(fractionOf(single, '2023-01-11')).toBe(0);
    expect(draggedRange(single, 0, 1)).toEqual({ from: '2023-01-11', to: '2023-01-12' });
  });
});

describe('how many marks a lane shows', () => {
  it('as many as fit side by side once its name and undated count have their room, from 8 to 40', () => {
    // 21 rem of a lane are its name, its undated count and the gaps: 1,000 - 336 = 664 pixels, 23 marks of 28.
    expect(marksFitting(1000, 16)).toBe(23);
    expect(marksFitting(336 + 40 * MARK_PITCH_PX, 16)).toBe(40);
    expect(marksFitting(4000, 16)).toBe(40);
    // Narrower than 40rem the lane's name goes above its track, which spans the lane.
    expect(marksFitting(620, 16)).toBe(Math.floor((620 - 60) / MARK_PITCH_PX));
    expect(marksFitting(200, 16)).toBe(8);
  });
});

describe('the dates labelled along the axis', () => {
  const labels = (from: string, to: string, width: number) => axisTicks(axisOf(from, to), width, 16).map(({ date, label }) => `${date} ${label}`);

  it('names each month between the end dates, and the year at January', () => {
    expect(labels('2022-10-01', '2023-06-30', 720)).toEqual(['2022-12-01 Dec', '2023-01-01 Jan 2023', '2023-02-01 Feb', '2023-03-01 Mar', '2023-04-01 Apr', '2023-05-01 May']);
    // A year below 100 is that year, not 1900 and after.
    expect(labels('0050-03-01', '0050-09-30', 720)).toContain('0050-06-01 Jun');
  });

  it('takes the finest step that fits: the sample library on a 700-pixel track, every other Monday', () => {
    expect(labels('2022-12-12', '2023-02-24', 700)).toEqual(['2022-12-26 26 Dec', '2023-01-09 9 Jan', '2023-01-23 23 Jan', '2023-02-06 6 Feb']);
  });

  it('keeps labels clear of the end dates and of each other, choosing a coarser step when they crowd', () => {
    const ticks = axisTicks(axisOf('2020-01-01', '2023-12-31'), 600, 16);
    expect(ticks.length).toBeGreaterThan(1);
    for (const [index, tick] of ticks.entries()) {
      expect(tick.at * 600).toBeGreaterThanOrEqual(6.5 * 16);
      expect(tick.at * 600).toBeLessThanOrEqual(600 - 6.5 * 16);
      if (index > 0) expect((tick.at - ticks[index - 1]!.at) * 600).toBeGreaterThanOrEqual(4.5 * 16);
    }
    // Four years on 600 pixels: not months (48 of them), a label every year or half-year.
    expect(ticks.every(({ date }) => /-(01|07)-01$/.test(date))).toBe(true);
    expect(labels('2000-01-01', '2020-01-01', 600)).toEqual(['2005-01-01 2005', '2010-01-01 2010', '2015-01-01 2015']);
  });

  it('labels days and Mondays on a short stretch', () => {
    expect(labels('2023-01-01', '2023-01-08', 1200)).toEqual(['2023-01-02 2 Jan', '2023-01-03 3 Jan', '2023-01-04 4 Jan', '2023-01-05 5 Jan', '2023-01-06 6 Jan', '2023-01-07 7 Jan']);
    // 2023-01-09 was a Monday.
    expect(labels('2023-01-01', '2023-02-01', 600)).toEqual(['2023-01-09 9 Jan', '2023-01-16 16 Jan', '2023-01-23 23 Jan']);
  });

  it('labels nothing on a track too narrow for one label beside the end dates', () => {
    expect(axisTicks(axisOf('2022-12-12', '2023-02-24'), 200, 16)).toEqual([]);
    expect(axisTicks(axisOf('2023-01-11', '2023-01-11'), 900, 16)).toEqual([]);
  });
});
