import type { Db } from '../src/core/db/db';
import { createHighlight, deleteHighlight } from '../src/core/highlights/highlights';
import type { Random } from './random';
import { randomInt } from './random';

/**
 * What migration 18's triggers (timeline_passages, kept current as highlights and their codes
 * change) cost each highlight written: the app's own createHighlight (two codes each) and
 * deleteHighlight, N of each, beside the same calls with the highlights' and codings' triggers
 * dropped (the floor: the app's work without keeping the timeline's counts). Every round runs in
 * one transaction that is rolled back, so the library is left as it was (and the figure holds the
 * triggers' SQL, not a commit's fsync); the rounds alternate, so both read the same warm cache.
 */
export interface TriggerCostFigures {
  highlights: number;
  rounds: number;
  /** CPU a highlight, median of the rounds: with the triggers, and the floor without them. */
  createMs: number;
  createFloorMs: number;
  deleteMs: number;
  deleteFloorMs: number;
}

const TRIGGERS = ['timeline_passages_highlight_added', 'timeline_passages_highlight_deleted', 'timeline_passages_highlight_moved', 'timeline_passages_code_added', 'timeline_passages_code_removed', 'timeline_passages_code_changed'];
const CODES = ['framing/blockade', 'events/talks'];

/** Thrown to roll a round's transaction back. */
class RollBack extends Error {}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const spent = process.cpuUsage(since);
  return (spent.user + spent.system) / 1000;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function runTriggerCostBench(db: Db, random: Random, { highlights = 500, rounds = 3 } = {}): TriggerCostFigures {
  const present = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck();
  const missing = TRIGGERS.filter((name) => !present.get(name));
  if (missing.length > 0) throw new Error(`The library lacks migration 18's triggers (${missing.join(', ')}): nothing to measure.`);
  const maxId = db.prepare('SELECT max(id) FROM sources').pluck().get() as number;
  const bodyLength = db.prepare('SELECT length(body) FROM sources WHERE id = ?').pluck();
  // The same passages in every round: sources with text enough for a 60-character passage.
  const passages: { sourceId: number; start: number; end: number }[] = [];
  while (passages.length < highlights) {
    const sourceId = randomInt(random, 1, maxId);
    const length = bodyLength.get(sourceId) as number | undefined;
    if (!length || length < 200) continue;
    const start = randomInt(random, 0, length - 100);
    passages.push({ sourceId, start, end: start + 60 });
  }
  const round = (withTriggers: boolean) => {
    let create = 0;
    let remove = 0;
    try {
      db.transaction(() => {
        if (!withTriggers) TRIGGERS.forEach((name) => db.exec(`DROP TRIGGER ${name}`));
        let since = process.cpuUsage();
        const ids = passages.map((passage) => createHighlight(db, { ...passage, tags: CODES }).id);
        create = cpuMs(since);
        since = process.cpuUsage();
        ids.forEach((id) => deleteHighlight(db, id));
        remove = cpuMs(since);
        throw new RollBack();
      })();
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    return { create: create / highlights, remove: remove / highlights };
  };
  round(true); // a warm-up, so both read a warm page cache
  const withTriggers: { create: number; remove: number }[] = [];
  const floor: { create: number; remove: number }[] = [];
  for (let index = 0; index < rounds; index++) {
    withTriggers.push(round(true));
    floor.push(round(false));
  }
  const fixed = (value: number) => Number(value.toFixed(3));
  return {
    highlights,
    rounds,
    createMs: fixed(median(withTriggers.map((r) => r.create))),
    createFloorMs: fixed(median(floor.map((r) => r.create))),
    deleteMs: fixed(median(withTriggers.map((r) => r.remove))),
    deleteFloorMs: fixed(median(floor.map((r) => r.remove))),
  };
}

export function formatTriggerCost(figures: TriggerCostFigures): string {
  const line = (what: string, ms: number, floor: number) => `  ${what} a highlight (two codes)  CPU ${ms} ms   floor without the triggers ${floor} ms   the triggers' share ${(ms - floor).toFixed(3)} ms`;
  return [
    `The timeline's triggers (migration 18) on each highlight written, ${figures.highlights} highlights, median of ${figures.rounds} rounds, rolled back:`,
    line('creating', figures.createMs, figures.createFloorMs),
    line('deleting', figures.deleteMs, figures.deleteFloorMs),
  ].join('\n');
}
