import { describe, expect, it } from 'vitest';
import { editShift } from './editShift';
import { createAnchor } from './anchor';
import { reanchor } from './reanchor';

describe('editShift', () => {
  const before = 'Жители Карабаха лишены продовольствия. Переговоры продолжаются.';

  it('keeps offsets before the edit and shifts those after it', () => {
    const after = before.replace('Карабаха', 'Нагорного Карабаха');
    const shift = editShift(before, after);
    expect(shift({ start: 0, end: 6 })).toEqual({ start: 0, end: 6 });
    const at = before.indexOf('Переговоры');
    expect(shift({ start: at, end: at + 10 })).toEqual({ start: at + 10, end: at + 20 });
  });

  it('leaves offsets inside the edited stretch as they were', () => {
    const after = before.replace('продовольствия', 'еды');
    const inside = before.indexOf('продовольствия') + 5;
    expect(shift(before, after, inside)).toBe(inside);
  });

  it('is the identity for an unchanged text', () => {
    expect(editShift(before, before)({ start: 5, end: 9 })).toEqual({ start: 5, end: 9 });
  });

  it('lets reanchor confirm a shifted highlight in place, reported as moved', () => {
    const after = `Степанакерт. ${before}`;
    const at = before.indexOf('Переговоры');
    const anchor = createAnchor(before, at, at + 10);
    expect(reanchor(after, anchor, editShift(before, after)(anchor))).toEqual({ status: 'moved', start: at + 13, end: at + 23 });
  });
});

function shift(before: string, after: string, offset: number): number {
  return editShift(before, after)({ start: offset, end: offset }).start;
}
