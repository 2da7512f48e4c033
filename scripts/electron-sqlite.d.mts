export const BUILD_RECORD: string;
export const BINDING: string;
export interface WantedBuild { electronVersion: string; abi: string; sqliteVersion: string; platform: string; arch: string }
export interface StepResult { ok: boolean; detail?: string }
export type Step = (dir: string, wanted: WantedBuild) => StepResult | Promise<StepResult>;
export function wantedBuild(options: { electronVersion: string; abi: string | number; sqliteVersion: string; platform?: string; arch?: string }): WantedBuild;
export function buildStatus(targetDir: string, wanted: WantedBuild): 'ready' | 'missing' | 'stale';
export function prepareBuild(options: { targetDir: string; sourceDir: string; wanted: WantedBuild; fetchPrebuilt: Step; buildFromSource: Step }): Promise<{ ok: true; binding: string; how: 'prebuilt' | 'source' } | { ok: false; reason: string }>;
export type StartDecision = { mode: 'electron'; executable: string; binding: string } | { mode: 'browser'; reason: string };
export function decideStart(options: {
  electron: { executable: string; version: string; abi: string } | null;
  targetDir: string;
  sourceDir: string;
  sqliteVersion: string;
  overrideBinding?: string;
  fetchPrebuilt: Step;
  buildFromSource: Step;
  log: (line: string) => void;
}): Promise<StartDecision>;
