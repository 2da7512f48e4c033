import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WindowState } from './windowStates';
import { CASCADE_OFFSET, cascade, DEFAULT_SIZE, placeOnScreen, readWindowStates, WINDOW_STATES_FILE, WindowStateStore, writeWindowStates } from './windowStates';

const laptop = { x: 0, y: 0, width: 1920, height: 1080 };
const external = { x: 1920, y: 0, width: 2560, height: 1440 };
const state = (x: number, sourceId: number | null = null): WindowState => ({ bounds: { x, y: 40, width: 1000, height: 700 }, maximized: false, sourceId });

let directory: string;
beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'window-states-'));
});
afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

describe('the windows file', () => {
  it('gives back what was written: each window’s place, maximized or not, and open article', () => {
    const file = path.join(directory, WINDOW_STATES_FILE);
    const windows = [state(10, 42), { ...state(300), maximized: true }];
    writeWindowStates(file, windows);
    expect(readWindowStates(file)).toEqual(windows);
    expect(fs.readdirSync(directory)).toEqual([WINDOW_STATES_FILE]);
  });

  it('reads a missing, damaged or foreign file as no windows (the app opens one default window)', () => {
    expect(readWindowStates(path.join(directory, 'none.json'))).toEqual([]);
    const file = path.join(directory, WINDOW_STATES_FILE);
    for (const content of ['{', '[]', '{"version":2,"windows":[]}', '{"version":1,"windows":[{"bounds":{"x":0,"y":0,"width":-5,"height":10},"maximized":false,"sourceId":null}]}']) {
      fs.writeFileSync(file, content);
      expect(readWindowStates(file)).toEqual([]);
    }
  });
});

describe('placing a window on the displays there are now', () => {
  it('keeps a saved place that is on a display, on the second display too', () => {
    expect(placeOnScreen({ x: 100, y: 50, width: 1000, height: 700 }, [laptop])).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
    expect(placeOnScreen({ x: 2200, y: 100, width: 1600, height: 1000 }, [laptop, external])).toEqual({ x: 2200, y: 100, width: 1600, height: 1000 });
  });

  it('centres the default size on the primary display when the saved display is gone, or there is no saved place', () => {
    const centred = { x: (1920 - DEFAULT_SIZE.width) / 2, y: (1080 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE };
    expect(placeOnScreen({ x: 2200, y: 100, width: 1600, height: 1000 }, [laptop])).toEqual(centred);
    expect(placeOnScreen(null, [laptop])).toEqual(centred);
  });

  it('shrinks and moves a window larger than its display into it', () => {
    expect(placeOnScreen({ x: -50, y: -20, width: 3000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(placeOnScreen({ x: 1500, y: 600, width: 1000, height: 700 }, [laptop])).toEqual({ x: 920, y: 380, width: 1000, height: 700 });
  });

  it('opens a new window beside the one it came from, and back at the top left near the display’s edge', () => {
    expect(cascade({ x: 100, y: 100, width: 1000, height: 700 }, [laptop])).toEqual({ x: 100 + CASCADE_OFFSET, y: 100 + CASCADE_OFFSET, width: 1000, height: 700 });
    expect(cascade({ x: 900, y: 370, width: 1000, height: 700 }, [laptop])).toEqual({ x: 0, y: 0, width: 1000, height: 700 });
  });
});

describe('which windows are remembered', () => {
  it('forgets a window closed while others stay open, and keeps the last one closed', () => {
    const store = new WindowStateStore();
    store.opened(1, state(0));
    store.opened(2, state(500));
    store.changed(2, { sourceId: 7 });
    expect(store.closed(1)).toEqual([{ ...state(500), sourceId: 7 }]);
    expect(store.closed(2)).toEqual([{ ...state(500), sourceId: 7 }]);
  });

  it('keeps every window open when the app quits, so all of them reopen', () => {
    const store = new WindowStateStore();
    store.opened(1, state(0, 3));
    store.opened(2, state(500));
    store.quit();
    expect(store.closed(1)).toEqual([state(0, 3), state(500)]);
    expect(store.closed(2)).toEqual([state(0, 3), state(500)]);
  });

  it('records moves, resizes and the open article of the window they happened to', () => {
    const store = new WindowStateStore();
    store.opened(1, state(0));
    store.opened(2, state(500));
    store.changed(1, { bounds: { x: 5, y: 6, width: 800, height: 600 }, maximized: true });
    store.changed(9, { sourceId: 1 });
    expect(store.states()).toEqual([{ bounds: { x: 5, y: 6, width: 800, height: 600 }, maximized: true, sourceId: null }, state(500)]);
  });
});
