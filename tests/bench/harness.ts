import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src/core';
import { seedNational } from '../../src/core/services/national/seed';
import { APP_ROOT, MIGRATIONS, RESOURCES } from '../helpers/core';

// What each benchmark file uses: a figure to time, a copy of the national database to time it
// on, and the numbers it reports. A benchmark file default-exports a Benchmark.

export interface Figure {
  /** What is timed, as printed. */
  label: string;
  /** Timed repetitions (after `warmup` untimed ones). */
  runs: number;
  warmup?: number;
  /** Untimed preparation before each repetition (e.g. a fresh database to import into). */
  before?(iteration: number): unknown;
  /** One repetition, numbered from 0 across warm-up and timed runs; may be async. */
  run(iteration: number): unknown;
  /** A goal on wall time, where the goal is a time rather than a ratio (the median must be under it). */
  goalMs?: number;
}

/** One side of a comparison: the project's path, or its physical floor. */
export interface Side {
  /** What this side does, as printed. */
  label: string;
  /** Untimed preparation before each repetition of this side. */
  before?(iteration: number): unknown;
  run(iteration: number): unknown;
  /** A figure this side measures about itself (e.g. CPU of a child process), replacing this process's own CPU time. */
  cpuOf?(iteration: number): number | undefined;
}

/**
 * The project's path against its floor (what SQLite, V8 or the OS cost for the same result),
 * timed in the same process and alternating (project then floor, then floor then project, …) so
 * a machine busy with other work slows both alike: the ratio is what counts.
 */
export interface Comparison {
  label: string;
  /** The goal, as the largest acceptable ratio of the project's CPU median to the floor's. */
  goal: number;
  runs: number;
  warmup?: number;
  project: Side;
  floor: Side;
}

/** A goal that is not a time (memory): measured once, the project's figure against the floor's. */
export interface Measurement {
  label: string;
  goal: number;
  unit: string;
  measure(): Promise<{ project: { label: string; value: number }; floor: { label: string; value: number } }>;
}

export type AnyFigure = Figure | Comparison | Measurement;

export interface Benchmark {
  name: string;
  /** Prepares the figures (open databases, start servers); `close` runs after they are timed. */
  setup(): Promise<{ figures: AnyFigure[]; close(): Promise<void> | void }>;
}

export interface MeasurementResult {
  label: string;
  goal: number;
  unit: string;
  project: { label: string; value: number };
  floor: { label: string; value: number };
  ratio: number;
  load: number;
}

export type AnyResult = ({ kind: 'figure' } & FigureResult) | ({ kind: 'comparison' } & ComparisonResult) | ({ kind: 'measurement' } & MeasurementResult);

/** Times or measures one figure of any kind. */
export async function runFigure(figure: AnyFigure): Promise<AnyResult> {
  if ('project' in figure) return { kind: 'comparison', ...(await timeComparison(figure)) };
  if ('measure' in figure) {
    const { project, floor } = await figure.measure();
    return { kind: 'measurement', label: figure.label, goal: figure.goal, unit: figure.unit, project, floor, ratio: project.value / floor.value, load: os.loadavg()[0]! };
  }
  return { kind: 'figure', ...(await timeFigure(figure)) };
}

export interface SideResult {
  label: string;
  medianMs: number;
  p95Ms: number;
  cpuMedianMs: number;
  cpuP95Ms: number;
}

export interface ComparisonResult {
  label: string;
  goal: number;
  runs: number;
  project: SideResult;
  floor: SideResult;
  /** Project ÷ floor, of the medians. */
  ratio: number;
  cpuRatio: number;
  /** The 1-minute load average when the comparison started and when it ended. */
  load: [number, number];
  peakRssMb: number;
}

export interface FigureResult {
  label: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** CPU time this process spent per run (user + system): unlike wall time, not inflated by waiting for a core on a busy machine. */
  cpuMedianMs: number;
  cpuP95Ms: number;
  /** Highest resident set size seen while this figure ran, in MB. */
  peakRssMb: number;
  goalMs?: number;
}

export const NATIONAL_SEED = 1;
/** Gitignored; override with MHEA_BENCH_CACHE (e.g. to share one national database between checkouts). */
const CACHE_DIR = process.env.MHEA_BENCH_CACHE ?? path.join(APP_ROOT, '.bench-cache');
/** Where run.ts bundles the benchmarks (two folders below the app, see run.ts). */
export const BUILD_DIR = path.join(APP_ROOT, '.bench-cache', 'build');

/** A fixed clock, so runs are comparable; far enough on that new rounds can start. */
export const BENCH_NOW = () => new Date('2027-10-01T10:00:00.000Z');

/**
 * The national database for seed 1, built once (about 4 minutes on the README's machine) and kept
 * in .bench-cache/ between bench runs. The file name carries the seed and the schema version (the
 * number and name of the last migration), so a schema change builds a fresh one.
 */
export function nationalDatabase(): string {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const schema = `${journal.entries.length}-${journal.entries.at(-1)?.tag ?? 'none'}`;
  const file = path.join(CACHE_DIR, `national-seed${NATIONAL_SEED}-schema${schema}.sqlite`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const building = `${file}.building`;
  fs.rmSync(building, { force: true });
  console.error(`Building the national database (seed ${NATIONAL_SEED}) at ${file}; this takes a few minutes once…`);
  const core = openCore(building);
  seedNational(core.store.db, { seed: NATIONAL_SEED, onProgress: (m) => console.error(`  ${m}`) });
  core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  fs.renameSync(building, file);
  return file;
}

/** A private copy of the national database (benchmarks that write must not change the cache). */
export function copyOfNational(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-bench-run-'));
  const copy = path.join(dir, 'estates.sqlite');
  fs.copyFileSync(nationalDatabase(), copy);
  return copy;
}

export function openCore(file: string, door: 'cli' | 'http' = 'cli'): Core {
  return createCore({
    databaseFile: file,
    migrationsFolder: MIGRATIONS,
    resourcesDir: RESOURCES,
    door,
    appVersion: '0.0.0-bench',
    actor: 'bench',
    now: BENCH_NOW,
    // No start-up backup: it would copy the 400 MB national file before every benchmark.
    backupsKept: 0,
  });
}

/** Removes a copy made by copyOfNational (its folder, -wal and -shm included). */
export function removeCopy(file: string): void {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export async function timeFigure(figure: Figure): Promise<FigureResult> {
  const warmup = figure.warmup ?? 0;
  for (let i = 0; i < warmup; i++) {
    await figure.before?.(i);
    await figure.run(i);
  }
  const times: number[] = [];
  const cpu: number[] = [];
  let peak = process.memoryUsage().rss;
  for (let i = 0; i < figure.runs; i++) {
    await figure.before?.(warmup + i);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await figure.run(warmup + i);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    label: figure.label,
    runs: figure.runs,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: times[times.length - 1]!,
    cpuMedianMs: percentile(cpu, 50),
    cpuP95Ms: percentile(cpu, 95),
    peakRssMb: peak / (1024 * 1024),
    ...(figure.goalMs !== undefined ? { goalMs: figure.goalMs } : {}),
  };
}

async function timeSide(side: Side, iteration: number, wall: number[], cpu: number[]): Promise<void> {
  await side.before?.(iteration);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await side.run(iteration);
  wall.push(performance.now() - start);
  const used = process.cpuUsage(cpuStart);
  cpu.push(side.cpuOf?.(iteration) ?? (used.user + used.system) / 1000);
}

function sideResult(label: string, wall: number[], cpu: number[]): SideResult {
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { label, medianMs: percentile(wall, 50), p95Ms: percentile(wall, 95), cpuMedianMs: percentile(cpu, 50), cpuP95Ms: percentile(cpu, 95) };
}

export async function timeComparison(comparison: Comparison): Promise<ComparisonResult> {
  const load0 = os.loadavg()[0]!;
  const warmup = comparison.warmup ?? 0;
  const walls = { project: [] as number[], floor: [] as number[] };
  const cpus = { project: [] as number[], floor: [] as number[] };
  let peak = process.memoryUsage().rss;
  for (let i = 0; i < warmup + comparison.runs; i++) {
    // Alternate which goes first, so neither always runs on a warmer cache.
    const order = i % 2 === 0 ? (['project', 'floor'] as const) : (['floor', 'project'] as const);
    for (const which of order) {
      const wall: number[] = [];
      const cpu: number[] = [];
      await timeSide(comparison[which], i, wall, cpu);
      if (i >= warmup) {
        walls[which].push(wall[0]!);
        cpus[which].push(cpu[0]!);
      }
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const project = sideResult(comparison.project.label, walls.project, cpus.project);
  const floor = sideResult(comparison.floor.label, walls.floor, cpus.floor);
  return {
    label: comparison.label,
    goal: comparison.goal,
    runs: comparison.runs,
    project,
    floor,
    ratio: project.medianMs / floor.medianMs,
    cpuRatio: project.cpuMedianMs / floor.cpuMedianMs,
    load: [load0, os.loadavg()[0]!],
    peakRssMb: peak / (1024 * 1024),
  };
}
