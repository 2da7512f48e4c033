import { describe, expect, it } from 'vitest';
import { FLING_OVERSCAN, FlingOverscan, OVERSCAN } from './flingOverscan';

describe('FlingOverscan', () => {
  it('draws the full overscan while the list is still or scrolls a few rows a frame', () => {
    const overscan = new FlingOverscan();
    expect(overscan.next(0, false)).toBe(OVERSCAN);
    expect(overscan.next(1, true)).toBe(OVERSCAN);
    expect(overscan.next(4, true)).toBe(OVERSCAN);
    expect(overscan.next(4 + OVERSCAN, true)).toBe(OVERSCAN);
  });

  it('draws fewer while a fling moves it more than the overscan a frame, up or down, and the full overscan again once the scroll ends', () => {
    const overscan = new FlingOverscan();
    overscan.next(0, false);
    expect(overscan.next(33, true)).toBe(FLING_OVERSCAN);
    expect(overscan.next(66, true)).toBe(FLING_OVERSCAN);
    // A render between frames (a page came) does not move the list: the fling is still on.
    expect(overscan.next(66, true)).toBe(FLING_OVERSCAN);
    expect(overscan.next(30, true)).toBe(FLING_OVERSCAN);
    expect(overscan.next(30, false)).toBe(OVERSCAN);
  });

  it('slowing down to a few rows a frame gives the full overscan back before the scroll ends', () => {
    const overscan = new FlingOverscan();
    overscan.next(0, true);
    expect(overscan.next(40, true)).toBe(FLING_OVERSCAN);
    expect(overscan.next(43, true)).toBe(OVERSCAN);
  });

  it('says whether a fling is on, and takes its own overscan as the threshold', () => {
    const overscan = new FlingOverscan(8);
    expect(overscan.next(0, false)).toBe(8);
    expect(overscan.flinging).toBe(false);
    expect(overscan.next(9, true)).toBe(FLING_OVERSCAN);
    expect(overscan.flinging).toBe(true);
    expect(overscan.next(15, true)).toBe(8);
    expect(overscan.flinging).toBe(false);
    expect(overscan.next(200, true)).toBe(FLING_OVERSCAN);
    expect(overscan.next(200, false)).toBe(8);
    expect(overscan.flinging).toBe(false);
  });

  it('says how many rows the last frame moved, up or down, and none once the scroll ends', () => {
    const overscan = new FlingOverscan();
    overscan.next(0, false);
    expect(overscan.rowsPerFrame).toBe(0);
    overscan.next(333, true);
    expect(overscan.rowsPerFrame).toBe(333);
    // A render that did not move the list keeps the last frame's figure.
    overscan.next(333, true);
    expect(overscan.rowsPerFrame).toBe(333);
    overscan.next(330, true);
    expect(overscan.rowsPerFrame).toBe(3);
    overscan.next(330, false);
    expect(overscan.rowsPerFrame).toBe(0);
  });
});
