import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Benchmark, Comparison } from '../harness';
import { copyOfNational, openCore, removeCopy } from '../harness';
import { draftOnLargestWard, draftOnNewWard, must } from '../draft';
import { APP_ROOT } from '../../helpers/core';
import type { Input } from '../../../src/shared/contract';

// Goal: the web door's cold start to the first answer saved — a new process, the database opened,
// checked and migrated, the server listening, one answer posted and saved — within 2× of a plain
// server doing the same with Node, better-sqlite3 and http alone (tests/bench/plain-server.cjs).
// SQLite's quick check at open is part of the app's start (it catches a damaged database before
// anything reads it), so on the national database (495 MB, where the check is most of the start)
// the floor is given with it and without it. On an assessor's database (the demo board and one
// draft, where the check costs next to nothing) the floor does the check too, as the app does.

const KEY = 'bench-key-bench-key-bench-key-bench-key';
const READY = /running at (http:\/\/\S+\/)\?key=/;
const TICKS_PER_MS = 100 / 1000;

/** CPU time (user + system) of a process and all its descendants so far, from /proc, in ms. */
function treeCpuMs(root: number): number {
  const stats = fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
        return [{ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
      } catch {
        return [];
      }
    });
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) if (!inTree.has(s.pid) && inTree.has(s.ppid)) grew = inTree.add(s.pid).size > 0;
  }
  return stats.filter((s) => inTree.has(s.pid)).reduce((n, s) => n + s.ticks, 0) / TICKS_PER_MS;
}

interface ColdStart {
  wallMs: number;
  cpuMs: number;
}

/** Starts `command`, waits for its address, saves one answer through it, and stops it. */
async function coldStart(command: string[], answer: Input<'answers.record'>): Promise<ColdStart> {
  const start = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true, env: { ...process.env, MHEA_WEB_KEY: KEY } });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = READY.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code} before it was ready:\n${out}`)));
    });
    const response = await fetch(`${origin}rpc/answers.record`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-MHEA-Key': KEY }, body: JSON.stringify(answer) });
    const result = (await response.json()) as { ok: boolean; error?: unknown };
    if (!result.ok) throw new Error(`answers.record failed: ${JSON.stringify(result.error)}`);
    const wallMs = performance.now() - start;
    return { wallMs, cpuMs: treeCpuMs(child.pid!) };
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

/** Starts `command` and resolves once it has printed its address, with a way to stop it. */
async function untilAddress(command: string[]): Promise<() => Promise<void>> {
  const child = spawn(command[0]!, command.slice(1), { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true, env: { ...process.env, MHEA_WEB_KEY: KEY } });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (READY.test(out)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code} before it was ready:\n${out}`)));
  });
  return async () => {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
}

/** One side of a cold-start comparison: the process's own CPU (and its children's), not this one's. */
function side(label: string, command: (db: string) => string[], db: string, answerFor: (i: number) => Input<'answers.record'>) {
  const cpu = new Map<number, number>();
  return {
    label,
    run: async (i: number) => cpu.set(i, (await coldStart(command(db), answerFor(i))).cpuMs),
    cpuOf: (i: number) => cpu.get(i),
  };
}

const PLAIN = path.join(APP_ROOT, 'tests', 'bench', 'plain-server.cjs');
/** The web door as `npm run web` starts it (without npm itself): the build found current, then the built door. */
const webDoor = (db: string) => [process.execPath, 'src/web/start.cjs', '--port', '0', '--db', db];
const plain = (db: string) => [process.execPath, PLAIN, db];
const plainChecked = (db: string) => [process.execPath, PLAIN, db, '--quick-check'];

/** A new, empty database file in a folder of its own (removeCopy removes it). */
function assessorDatabase(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-bench-laptop-')), 'estates.sqlite');
}

const bench: Benchmark = {
  name: 'floor',
  async setup() {
    const file = copyOfNational();
    const core = openCore(file);
    const { answerFor } = await draftOnLargestWard(core);
    core.close();
    const laptop = assessorDatabase();
    const laptopCore = openCore(laptop);
    await must(laptopCore, 'demo.seed', {});
    const { answerFor: laptopAnswerFor } = await draftOnNewWard(laptopCore, 'Bench ward', [
      ['bedroom', 'Bedroom 1'],
      ['bedroom', 'Bedroom 2'],
      ['bedroom', 'Bedroom 3'],
      ['bedroom', 'Bedroom 4'],
      ['lounge', 'Lounge'],
      ['corridor', 'Corridor'],
    ]);
    laptopCore.close();
    let stop: (() => Promise<void>) | null = null;
    const stopRunning = async () => {
      await stop?.();
      stop = null;
    };
    const comparison = (label: string, floorLabel: string, floor: (db: string) => string[], db = file, answers = answerFor): Comparison => ({
      label,
      goal: 2,
      runs: 7,
      warmup: 1,
      project: side('the web door (npm run web, build current): start, open, check, migrate, listen, save', webDoor, db, answers),
      floor: side(floorLabel, floor, db, answers),
    });
    return {
      figures: [
        comparison('web door cold start to the first answer saved, national database (floor with the quick check)', 'plain Node + better-sqlite3 + http, with PRAGMA quick_check', plainChecked),
        comparison('web door cold start to the first answer saved, national database (floor without the quick check)', 'plain Node + better-sqlite3 + http', plain),
        comparison(
          "web door cold start to the first answer saved, an assessor's database (demo board, one draft)",
          'plain Node + better-sqlite3 + http, with PRAGMA quick_check',
          plainChecked,
          laptop,
          laptopAnswerFor,
        ),
        {
          label: '`npm run web` to its address, the build current',
          goalMs: 2000,
          runs: 3,
          warmup: 1,
          // Stopped untimed, before the next start.
          before: () => stopRunning(),
          run: async () => {
            stop = await untilAddress(['npm', 'run', 'web', '--', '--port', '0', '--db', file]);
          },
        },
      ],
      close: async () => {
        await stopRunning();
        removeCopy(file);
        removeCopy(laptop);
      },
    };
  },
};
export default bench;
