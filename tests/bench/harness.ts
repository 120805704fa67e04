import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src/core';
import { seedNational } from '../../src/core/services/national/seed';
import { MIGRATIONS, RESOURCES } from '../helpers/core';

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
}

export interface Benchmark {
  name: string;
  /** Prepares the figures (open databases, start servers); `close` runs after they are timed. */
  setup(): Promise<{ figures: Figure[]; close(): Promise<void> | void }>;
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
}

export const NATIONAL_SEED = 1;
/** Gitignored; override with MHEA_BENCH_CACHE (e.g. to share one national database between checkouts). */
const CACHE_DIR = process.env.MHEA_BENCH_CACHE ?? path.resolve(__dirname, '..', '..', '.bench-cache');

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
  };
}
