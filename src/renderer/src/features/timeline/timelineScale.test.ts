import { describe, expect, it } from 'vitest';
import { axisOf, dateAt, draggedRange, fractionOf, laneMarks } from './timelineScale';

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

describe('the marks of a lane', () => {
  const axis = axisOf('2023-01-01', '2023-12-31');
  const day = (n: number) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10);

  it('draws each source while the lane is short', () => {
    const sources = [{ id: 1, publishedAt: day(0) }, { id: 2, publishedAt: day(0) }];
    expect(laneMarks(sources, axis, 3)).toEqual([{ kind: 'source', source: sources[0] }, { kind: 'source', source: sources[1] }]);
  });

  it('past the limit merges sources by stretch of the axis, each cluster with its dates, none lost', () => {
    const sources = Array.from({ length: 1000 }, (_, id) => ({ id, publishedAt: day(id % 364) }));
    const marks = laneMarks(sources, axis, 50);
    expect(marks.length).toBeLessThanOrEqual(50);
    expect(marks.flatMap((mark) => (mark.kind === 'source' ? [mark.source] : mark.sources))).toHaveLength(1000);
    const first = marks[0]!;
    expect(first.kind).toBe('cluster');
    if (first.kind === 'cluster') expect([first.from, first.to]).toEqual([day(0), day(7)]);
    // In date order along the lane.
    const froms = marks.map((mark) => (mark.kind === 'source' ? mark.source.publishedAt : mark.from));
    expect(froms).toEqual([...froms].sort());
  });
});
