import type { CDPSession, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { percentile } from './fling';

/**
 * A DevTools timeline trace of a fling (fling.ts), split per frame: each frame's task (the one that
 * runs the fling's requestAnimationFrame callback, and before it the scroll event, after it paint)
 * by kind of work, in CPU time (the trace's `tdur`: other processes' load adds little) beside wall
 * time (`dur`); and the tasks run between two frames (React's scheduled renders and effects, pages
 * of rows answered), which delay the next frame's start and so count in its measured work.
 */

/** One event of a DevTools trace, as the fling's and the typing bench's analyses read it. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string; functionName?: string; requestId?: string; url?: string } };
}

export const FLING_KINDS = ['scroll', 'raf', 'script', 'style', 'layout', 'paint', 'gc', 'other'] as const;
type Kind = (typeof FLING_KINDS)[number];

export interface FlingFrameSplit {
  frames: number;
  /** The frame's task from its start to the end of the fling's rAF callback (its forced layout): what fling.ts times, less the wait for the task to start. */
  measuredWallP50Ms: number;
  measuredWallP95Ms: number;
  measuredCpuP50Ms: number;
  measuredCpuP95Ms: number;
  /** The whole frame's task, paint included. */
  taskCpuP50Ms: number;
  taskCpuP95Ms: number;
  /** CPU of the tasks between this frame's task and the next's. */
  betweenCpuP50Ms: number;
  betweenCpuP95Ms: number;
  /** Mean CPU a frame by kind: scroll (script in the scroll event: the virtualizer and React's render and commit), raf (script in the rAF callbacks), script (any other), style, layout, paint (pre-paint, paint, layerize, commit), gc, other; `between` by the same kinds. */
  meanCpuMs: Record<Kind, number>;
  betweenMeanCpuMs: Record<Kind, number>;
  /**
   * From the compositor's BeginFrame to the frame's task starting on the main thread, wall p50 / p95
   * (ms): all of it, the part the main thread spent still in the previous frame's task, in other
   * tasks, and running no task (waiting for the compositor, or not scheduled between tasks). Absent
   * when the trace has no compositor frames.
   */
  waitMs?: { total: [number, number]; previousFrame: [number, number]; otherTasks: [number, number]; idle: [number, number] };
}

const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ScheduleStyleRecalculation', 'ParseAuthorStyleSheet', 'InvalidateLayout']);
const LAYOUT = new Set(['Layout', 'UpdateLayerTree', 'ComputeIntersections']);
const PAINT = new Set(['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'Commit', 'UpdateLayer', 'CompositeLayers', 'RasterTask', 'PaintSetup']);
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'TimerFire', 'EventDispatch', 'XHRLoad', 'XHRReadyStateChange', 'ResourceReceiveResponse', 'ResourceFinish']);
const GC = new Set(['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GCScavenger', 'BlinkGC.AtomicPhase', 'V8.GCFinalizeMC', 'V8.GCIncrementalMarking', 'GCEvent', 'ThreadState::performIdleLazySweep', 'CppGC.IncrementalSweep']);

export interface Node {
  event: TraceEvent;
  end: number;
  children: Node[];
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const zero = (): Record<Kind, number> => Object.fromEntries(FLING_KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
const cpuOf = (event: TraceEvent) => event.tdur ?? event.dur ?? 0;

/** Self CPU time of `node` and its descendants by kind; inside a scroll event or a rAF callback, script and what it forces (style, layout) are told apart. */
export function addByKind(node: Node, into: Record<Kind, number>, context: 'scroll' | 'raf' | 'other') {
  const { event } = node;
  let here = context;
  if (event.name === 'EventDispatch' && event.args?.data?.type === 'scroll') here = 'scroll';
  else if (event.name === 'FireAnimationFrame') here = 'raf';
  const kind: Kind = STYLE.has(event.name) ? 'style' : LAYOUT.has(event.name) ? 'layout' : PAINT.has(event.name) ? 'paint' : GC.has(event.name) ? 'gc' : here === 'other' && (SCRIPT.has(event.name) || /^v8/i.test(event.name)) ? 'script' : here;
  const self = cpuOf(event) - node.children.reduce((sum, child) => sum + cpuOf(child.event), 0);
  into[kind] += Math.max(0, self) / 1000;
  node.children.forEach((child) => addByKind(child, into, here));
}

/** The renderer main thread's complete events as a forest of top-level tasks. */
export function mainThreadTasks(events: TraceEvent[]): Node[] {
  const main = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  if (!main) return [];
  const own = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const event of own) {
    const node: Node = { event, end: event.ts + event.dur!, children: [] };
    while (stack.length > 0 && event.ts >= stack.at(-1)!.end) stack.pop();
    if (stack.length === 0) roots.push(node);
    else stack.at(-1)!.children.push(node);
    stack.push(node);
  }
  return roots;
}

function find(node: Node, name: string): Node | undefined {
  if (node.event.name === name) return node;
  for (const child of node.children) {
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

/** CPU of `node` up to `until` (µs): the self time of each descendant that ends by then, all of it. */
function cpuUntil(node: Node, until: number): number {
  if (node.end <= until) return cpuOf(node.event);
  if (node.event.ts >= until) return 0;
  const self = cpuOf(node.event) - node.children.reduce((sum, child) => sum + cpuOf(child.event), 0);
  const share = ((until - node.event.ts) / (node.end - node.event.ts)) * Math.max(0, self);
  return share + node.children.reduce((sum, child) => sum + cpuUntil(child, until), 0);
}

export function splitFlingFrames(events: TraceEvent[]): FlingFrameSplit | undefined {
  const tasks = mainThreadTasks(events);
  const frames = tasks.map((task, index) => ({ task, index, raf: find(task, 'FireAnimationFrame') })).filter((frame) => frame.raf);
  // The first frame only sets the first scroll; the last only reads the last one's layout.
  if (frames.length < 3) return undefined;
  const measuredWall: number[] = [];
  const measuredCpu: number[] = [];
  const taskCpu: number[] = [];
  const betweenCpu: number[] = [];
  const mean = zero();
  const betweenMean = zero();
  for (let frame = 1; frame < frames.length; frame++) {
    const { task, raf, index } = frames[frame]!;
    measuredWall.push((raf!.end - task.event.ts) / 1000);
    measuredCpu.push(cpuUntil(task, raf!.end) / 1000);
    taskCpu.push(cpuOf(task.event) / 1000);
    addByKind(task, mean, 'other');
    // Tasks after the previous frame's and before this one's: they hold this frame's start back.
    let between = 0;
    for (let other = frames[frame - 1]!.index + 1; other < index; other++) {
      between += cpuOf(tasks[other]!.event) / 1000;
      addByKind(tasks[other]!, betweenMean, 'other');
    }
    betweenCpu.push(between);
  }
  const waitMs = frameWaits(events, tasks, new Set(frames.map((frame) => frame.task)));
  const count = measuredWall.length;
  const averaged = (record: Record<Kind, number>) => Object.fromEntries(FLING_KINDS.map((kind) => [kind, round(record[kind] / count)])) as Record<Kind, number>;
  return {
    frames: count,
    measuredWallP50Ms: round(percentile(measuredWall, 0.5)),
    measuredWallP95Ms: round(percentile(measuredWall, 0.95)),
    measuredCpuP50Ms: round(percentile(measuredCpu, 0.5)),
    measuredCpuP95Ms: round(percentile(measuredCpu, 0.95)),
    taskCpuP50Ms: round(percentile(taskCpu, 0.5)),
    taskCpuP95Ms: round(percentile(taskCpu, 0.95)),
    betweenCpuP50Ms: round(percentile(betweenCpu, 0.5)),
    betweenCpuP95Ms: round(percentile(betweenCpu, 0.95)),
    meanCpuMs: averaged(mean),
    betweenMeanCpuMs: averaged(betweenMean),
    ...(waitMs ? { waitMs } : {}),
  };
}

/** FlingFrameSplit.waitMs: each BeginMainThreadFrame against the last BeginFrame of the renderer's compositor before it. */
function frameWaits(events: TraceEvent[], tasks: Node[], frameTasks: Set<Node>): FlingFrameSplit['waitMs'] {
  const main = tasks[0]?.event;
  if (!main) return undefined;
  const times = (name: string) => events.filter((event) => event.name === name && event.pid === main.pid).map((event) => event.ts).sort((a, b) => a - b);
  const beginFrames = times('BeginFrame');
  const mainFrames = times('BeginMainThreadFrame');
  if (beginFrames.length === 0 || mainFrames.length === 0) return undefined;
  const parts = { total: [] as number[], previousFrame: [] as number[], otherTasks: [] as number[], idle: [] as number[] };
  let next = 0;
  for (const started of mainFrames) {
    while (next < beginFrames.length && beginFrames[next]! <= started) next++;
    const begun = beginFrames[next - 1];
    if (begun === undefined) continue;
    let previousFrame = 0;
    let otherTasks = 0;
    for (const task of tasks) {
      if (task.event.ts >= started || task.end <= begun) continue;
      const overlap = Math.min(task.end, started) - Math.max(task.event.ts, begun);
      if (frameTasks.has(task)) previousFrame += overlap;
      else otherTasks += overlap;
    }
    parts.total.push((started - begun) / 1000);
    parts.previousFrame.push(previousFrame / 1000);
    parts.otherTasks.push(otherTasks / 1000);
    parts.idle.push((started - begun - previousFrame - otherTasks) / 1000);
  }
  if (parts.total.length === 0) return undefined;
  const p50p95 = (values: number[]): [number, number] => [round(percentile(values, 0.5)), round(percentile(values, 0.95))];
  return { total: p50p95(parts.total), previousFrame: p50p95(parts.previousFrame), otherTasks: p50p95(parts.otherTasks), idle: p50p95(parts.idle) };
}

/** Starts a DevTools timeline trace of `page`; `stop` ends it and resolves with its events. */
export async function startTrace(page: Page): Promise<{ stop: () => Promise<TraceEvent[]> }> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  const done = new Promise<void>((resolve) => session.on('Tracing.tracingComplete', () => resolve()));
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', 'v8', 'blink.gc'] },
    transferMode: 'ReportEvents',
  });
  return {
    stop: async () => {
      await session.send('Tracing.end');
      await done;
      await session.detach();
      return events;
    },
  };
}

export function formatFlingSplit(split: FlingFrameSplit): string {
  const kinds = (record: Record<Kind, number>) => FLING_KINDS.map((kind) => `${kind} ${record[kind]}`).join(', ');
  return [
    `  traced ${split.frames} frames: frame task to rAF's layout done, wall p50 / p95 ${split.measuredWallP50Ms} / ${split.measuredWallP95Ms} ms, CPU ${split.measuredCpuP50Ms} / ${split.measuredCpuP95Ms} ms; whole frame task (paint too) CPU ${split.taskCpuP50Ms} / ${split.taskCpuP95Ms} ms`,
    `  mean CPU a frame task by kind (ms): ${kinds(split.meanCpuMs)}`,
    `  between frames CPU p50 / p95 ${split.betweenCpuP50Ms} / ${split.betweenCpuP95Ms} ms; mean by kind (ms): ${kinds(split.betweenMeanCpuMs)}`,
    ...(split.waitMs
      ? [
          `  compositor's BeginFrame to the frame's task, wall p50 / p95 ${split.waitMs.total.join(' / ')} ms: in the previous frame's task ${split.waitMs.previousFrame.join(' / ')}, in other tasks ${split.waitMs.otherTasks.join(' / ')}, running no task ${split.waitMs.idle.join(' / ')}`,
        ]
      : []),
  ].join('\n');
}

/** Starts a CPU profile of `page`'s JavaScript (sampled every 100 µs); `stop` writes it to `file` (a .cpuprofile DevTools opens). */
export async function startProfile(page: Page): Promise<{ stop: (file: string) => Promise<void> }> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  return {
    stop: async (file: string) => {
      const { profile } = await session.send('Profiler.stop');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      await session.detach();
    },
  };
}
