import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Core } from '../../../src/core';
import type { Benchmark } from '../harness';
import { BUILD_DIR, nationalDatabase, openCore } from '../harness';
import { must } from '../draft';
import { nationalReturns, ROUND, type BoardReturn } from '../returns';

// Goals: collating the 14 boards' returns (exchange.import: every check of verification, then
// the writes, one transaction per file) within 2× of its floor: JSON.parse of each file, SHA-256
// of its bytes and raw prepared INSERTs of exactly the rows the import writes (estate,
// assessments and their records, kept scores, audit entries), one transaction per file. And the
// peak memory of importing one 30 MB return within 2× of the memory its parsed JSON takes.

/** The rows one import added, table by table (every table is a rowid table: new rows have higher rowids). */
type AddedRows = { table: string; columns: string[]; rows: unknown[][] }[];

// Parents before children, as the import writes them (foreign keys are on).
const PARENTS_FIRST = ['boards', 'sites', 'wards', 'areas', 'templates', 'current_templates', 'assessments', 'assessment_templates', 'assessors', 'assessment_areas', 'answers', 'ligature_points', 'actions', 'rechecks', 'photos', 'assessment_scores'];
const rank = (table: string) => (PARENTS_FIRST.includes(table) ? PARENTS_FIRST.indexOf(table) : PARENTS_FIRST.length);

function tablesOf(sqlite: Database.Database): string[] {
  const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").pluck().all() as string[];
  return names.sort((a, b) => rank(a) - rank(b));
}

function maxRowids(sqlite: Database.Database): Map<string, number> {
  return new Map(tablesOf(sqlite).map((t) => [t, (sqlite.prepare(`SELECT coalesce(max(rowid), 0) FROM "${t}"`).pluck().get() as number)]));
}

function addedSince(sqlite: Database.Database, before: Map<string, number>): AddedRows {
  return tablesOf(sqlite).flatMap((table) => {
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]);
    const rows = sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE rowid > ? ORDER BY rowid`).raw().all(before.get(table) ?? 0) as unknown[][];
    return rows.length > 0 ? [{ table, columns, rows }] : [];
  });
}

const freshCore = (): { core: Core; dir: string } => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-bench-import-'));
  return { core: openCore(path.join(dir, 'collation.sqlite')), dir };
};

/** Peak memory of one child process (the same script in its two modes), in MB. */
function memoryOf(mode: 'parse' | 'import' | 'import built', file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const [how, built] = mode.split(' ');
    const child = spawn(process.execPath, ['--expose-gc', path.join(BUILD_DIR, 'memory-child.cjs'), how!, file, ...(built ? [built] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(out.trim().split('\n').pop())) : reject(new Error(`memory child (${mode}) exited with ${code}`))));
  });
}

const bench: Benchmark = {
  name: 'floor',
  async setup() {
    const national = openCore(nationalDatabase());
    const { returns, largest, megabytes } = await nationalReturns(national);
    national.close();

    // The rows each file's import writes, captured from a real import into a scratch database.
    const scratch = freshCore();
    const added: AddedRows[] = [];
    for (const file of returns) {
      const before = maxRowids(scratch.core.store.sqlite);
      const report = await must(scratch.core, 'exchange.import', file);
      if (report.status !== 'imported') throw new Error(`${file.fileName}: ${report.status}`);
      added.push(addedSince(scratch.core.store.sqlite, before));
    }
    scratch.core.close();
    fs.rmSync(scratch.dir, { recursive: true, force: true });
    const rowCount = added.flat().reduce((n, t) => n + t.rows.length, 0);

    const largestFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-bench-return-')), 'largest.json');
    fs.writeFileSync(largestFile, largest.content);

    let target: { core: Core; dir: string } | undefined;
    const fresh = () => {
      if (target) {
        target.core.close();
        fs.rmSync(target.dir, { recursive: true, force: true });
      }
      target = freshCore();
    };
    const floorImport = (file: BoardReturn, rows: AddedRows) => {
      JSON.parse(file.content);
      createHash('sha256').update(file.content, 'utf8').digest('hex');
      const sqlite = target!.core.store.sqlite;
      const inserts = rows.map((t) => ({ t, statement: sqlite.prepare(`INSERT INTO "${t.table}" (${t.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`) }));
      sqlite.transaction(() => {
        for (const { t, statement } of inserts) for (const row of t.rows) statement.run(row);
      }).immediate();
    };
    return {
      figures: [
        {
          label: `import and verify 14 returns into a fresh database (round ${ROUND}, ${megabytes.toFixed(0)} MB, ${rowCount.toLocaleString('en-GB')} rows written)`,
          goal: 2,
          runs: 3,
          warmup: 1,
          project: {
            label: 'exchange.import of each file through the router',
            before: fresh,
            run: async () => {
              for (const file of returns) {
                const report = await must(target!.core, 'exchange.import', file);
                if (report.status !== 'imported') throw new Error(`${file.fileName}: ${report.status}`);
              }
            },
          },
          floor: {
            label: 'JSON.parse + SHA-256 + raw prepared INSERTs of the same rows, a transaction per file',
            before: fresh,
            run: () => returns.forEach((file, i) => floorImport(file, added[i]!)),
          },
        },
        {
          label: `peak memory importing one return (${largest.fileName}, ${(Buffer.byteLength(largest.content) / 2 ** 20).toFixed(1)} MB)`,
          goal: 2,
          unit: 'MB',
          // The exchange file's schemas are built on first use (for the cold start), and so is the
          // ICU data for dates and names: a fixed cost, whatever the file, which used to be paid at
          // load. The figure is taken with them built before the peak is reset (as at load before),
          // and a fresh process's figure is shown beside it.
          measure: async () => {
            const inFreshProcess = await memoryOf('import', largestFile);
            return {
              project: {
                label: `RSS growth of a process importing it (VmHWM reset after the file is read, the store open and the exchange schemas built; without building them first: ${inFreshProcess.toFixed(0)} MB)`,
                value: await memoryOf('import built', largestFile),
              },
              floor: { label: 'heap its parsed JSON takes (JSON.parse, kept, after garbage collection)', value: await memoryOf('parse', largestFile) },
            };
          },
        },
      ],
      close: () => {
        if (target) {
          target.core.close();
          fs.rmSync(target.dir, { recursive: true, force: true });
        }
        fs.rmSync(path.dirname(largestFile), { recursive: true, force: true });
      },
    };
  },
};
export default bench;
