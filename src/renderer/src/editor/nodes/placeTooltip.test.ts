import { describe, expect, it } from 'vitest';
import { placeTooltip } from './placeTooltip';

const viewport = { width: 800, height: 600 };
const tip = { width: 300, height: 120 };

describe('placeTooltip', () => {
  it('opens above the chip at its left edge when it fits', () => {
    expect(placeTooltip({ left: 100, top: 300, width: 80, height: 20 }, tip, viewport)).toEqual({ left: 100, top: 174, below: false });
  });

  it('moves left to stay inside the right edge (a chip near the note column’s right)', () => {
    const place = placeTooltip({ left: 650, top: 300, width: 80, height: 20 }, tip, viewport);
    expect(place.left + tip.width).toBeLessThanOrEqual(viewport.width - 8);
    expect(place.left).toBe(492);
  });

  it('never starts left of the window (it was cut off on the left)', () => {
    expect(placeTooltip({ left: -30, top: 300, width: 80, height: 20 }, tip, viewport).left).toBe(8);
  });

  it('opens below a chip near the top, and above one when neither side fits but above has more room', () => {
    expect(placeTooltip({ left: 100, top: 40, width: 80, height: 20 }, tip, viewport)).toEqual({ left: 100, top: 66, below: true });
    const tall = { width: 300, height: 500 };
    const place = placeTooltip({ left: 100, top: 400, width: 80, height: 20 }, tall, viewport);
    expect(place.below).toBe(false);
    expect(place.top).toBe(8);
  });
});
