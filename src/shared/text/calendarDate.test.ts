import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendarDate';

describe('isCalendarDate', () => {
  it.each(['2023-02-24', '2023-01-11', '2024-02-29', '2000-02-29', '2023-12-31'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  // 2023-02-30 is the case Date.parse gets wrong (it rolls over to March 2).
  it.each(['2023-02-30', '2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-1-5', '24 February 2023', '2023-02-24T10:00:00Z', ''])(
    'refuses %s',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );
});
