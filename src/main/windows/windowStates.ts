// Each window's size, position and open article, remembered in a small JSON file in userData
// (windows.json), and the windows reopened as they were. No Electron here: windowManager.ts feeds it
// Electron's windows and displays; windowStates.test.ts runs it on Node.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const WINDOW_STATES_FILE = 'windows.json';
export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
export const MIN_SIZE = { width: 640, height: 420 } as const;
/** How far a new window sits from the one it was opened from. */
export const CASCADE_OFFSET = 32;

const Bounds = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });
export type Bounds = z.infer<typeof Bounds>;
const WindowState = z.object({ bounds: Bounds, maximized: z.boolean(), sourceId: z.number().int().positive().nullable() });
export type WindowState = z.infer<typeof WindowState>;
const WindowStatesFile = z.object({ version: z.literal(1), windows: z.array(WindowState).max(20) });

/** The windows saved last time, [] when there is no file or it cannot be read (never an error: it is only layout). */
export function readWindowStates(file: string): WindowState[] {
  try {
    return WindowStatesFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).windows;
  } catch {
    return [];
  }
}

/** Written whole to a temporary file and renamed over the old one, so a crash leaves one or the other. */
export function writeWindowStates(file: string, windows: readonly WindowState[]): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temporary, `${JSON.stringify({ version: 1, windows }, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

const overlap = (a: Bounds, b: Bounds) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Where a window goes on the displays there are now (`workAreas`, the primary first): its saved
 * place when enough of it shows (a display may have been unplugged since), shrunk to fit, else
 * the default size centred on the primary display.
 */
export function placeOnScreen(saved: Bounds | null, workAreas: readonly Bounds[]): Bounds {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const fit = (bounds: Bounds, area: Bounds): Bounds => {
    const width = Math.max(Math.min(bounds.width, area.width), Math.min(MIN_SIZE.width, area.width));
    const height = Math.max(Math.min(bounds.height, area.height), Math.min(MIN_SIZE.height, area.height));
    return { width, height, x: Math.min(Math.max(bounds.x, area.x), area.x + area.width - width), y: Math.min(Math.max(bounds.y, area.y), area.y + area.height - height) };
  };
  if (saved) {
    // Its display: the one it overlaps most. A window mostly off every display is not restored there.
    const best = [...workAreas].sort((a, b) => overlap(saved, b) - overlap(saved, a))[0];
    if (best && overlap(saved, best) >= 0.25 * saved.width * saved.height) return fit(saved, best);
  }
  const size = fit({ x: primary.x, y: primary.y, ...DEFAULT_SIZE }, primary);
  return { ...size, x: primary.x + Math.round((primary.width - size.width) / 2), y: primary.y + Math.round((primary.height - size.height) / 2) };
}

/** A new window's place: beside the window it was opened from, moved back to the top left when that would leave the display. */
export function cascade(from: Bounds, workAreas: readonly Bounds[]): Bounds {
  const next = { ...from, x: from.x + CASCADE_OFFSET, y: from.y + CASCADE_OFFSET };
  const area = [...workAreas].sort((a, b) => overlap(from, b) - overlap(from, a))[0];
  if (area && (next.x + next.width > area.x + area.width || next.y + next.height > area.y + area.height)) return placeOnScreen({ ...next, x: area.x, y: area.y }, workAreas);
  return placeOnScreen(next, workAreas);
}

/**
 * The open windows' states, keyed by window id, and what is saved: the windows open now, or, once
 * the last one closes or the app quits, the windows that were open then (so they all reopen).
 * `save` is called with the list to write; the caller decides when (windowManager.ts debounces
 * moves and resizes, and saves at once on close).
 */
export class WindowStateStore {
  private open = new Map<number, WindowState>();
  private quitting = false;

  opened(id: number, state: WindowState): void {
    this.open.set(id, state);
  }

  changed(id: number, patch: Partial<WindowState>): void {
    const state = this.open.get(id);
    if (state) this.open.set(id, { ...state, ...patch });
  }

  get(id: number): WindowState | undefined {
    return this.open.get(id);
  }

  /** The app is quitting: every window closing from now on stays in the saved list. */
  quit(): void {
    this.quitting = true;
  }

  /** A window closed. Returns the list to save: without it, unless it was the last one or the app is quitting. */
  closed(id: number): WindowState[] {
    const all = this.states();
    if (this.quitting || this.open.size === 1) {
      this.quitting = true;
      return all;
    }
    this.open.delete(id);
    return this.states();
  }

  states(): WindowState[] {
    return [...this.open.values()];
  }
}
