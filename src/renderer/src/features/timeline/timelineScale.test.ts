import { describe, expect, it } from 'vitest';
import { axisOf, dateAt, draggedRange, fractionOf, MARK_PITCH_PX, marksFitting } from './timelineScale';

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
