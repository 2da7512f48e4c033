import { describe, expect, it } from 'vitest';
import { formatTable } from './format';

describe('formatTable', () => {
  it('prints no bidi control from the metadata, so none can reorder the columns after it (issue 14)', () => {
    const table = formatTable(['ID', 'Title', 'Outlet'], [[1, 'Report \u202Egnp.exe\u202C on Lachin', 'Dawn\u2067'], [2, 'لاچین \u200Fراہداری', null]]);
    expect(table).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u);
    expect(table.split('\n')).toEqual(['ID  Title                     Outlet', '1   Report gnp.exe on Lachin  Dawn', '2   لاچین راہداری             —']);
  });

  it('keeps a row on one line whatever the cell holds', () => {
    expect(formatTable(['Title'], [['Two\nlines\tand a tab']])).toBe('Title\nTwo lines and a tab');
  });
});
