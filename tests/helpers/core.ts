import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src/core';
import type { Input, Operation, Output } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';

export const APP_ROOT = path.resolve(__dirname, '..', '..');
export const MIGRATIONS = path.join(APP_ROOT, 'drizzle');
export const RESOURCES = path.join(APP_ROOT, 'resources');

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'mhea-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestCore extends Core {
  file: string;
  /** Moves the fixed clock (ignored when a `now` was passed in); returns the time it was. */
  setNow(at: string | Date): string;
  /** Calls an operation and returns its data, failing the test with the error if it failed. */
  call<O extends Operation>(operation: O, input: Input<O>): Output<O>;
  /** Calls an async operation (e.g. a report) and returns its data, failing the test if it failed. */
  callAsync<O extends Operation>(operation: O, input: Input<O>): Promise<Output<O>>;
  /** Calls an operation and returns the raw Result. */
  raw(operation: string, input: unknown): Result<unknown>;
  /** Calls an operation (sync or async) and returns the raw Result. */
  rawAsync(operation: string, input: unknown): Promise<Result<unknown>>;
}

/** A real core on a real SQLite file in a temp folder, with a fixed clock (movable by `setNow`). */
export function createTestCore(options: { file?: string; now?: () => Date; busyTimeoutMs?: number } = {}): TestCore {
  const file = options.file ?? path.join(tempDir(), 'estates.sqlite');
  let fixed = new Date('2026-11-23T10:00:00.000Z');
  const core = createCore({
    databaseFile: file,
    migrationsFolder: MIGRATIONS,
    resourcesDir: RESOURCES,
    door: 'cli',
    appVersion: '0.0.0-test',
    actor: 'test assessor',
    now: options.now ?? (() => new Date(fixed)),
    log: process.env.MHEA_TEST_LOG ? (m, e) => console.error(m, e) : () => undefined,
    ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
  });
  return {
    dispatch: core.dispatch,
    close: core.close,
    // Read through, because restoring a backup replaces the store (and may end recovery mode).
    get store() {
      return core.store;
    },
    get recovery() {
      return core.recovery;
    },
    file,
    setNow(at) {
      const before = fixed.toISOString();
      fixed = new Date(at);
      return before;
    },
    raw: (operation, input) => syncResult(operation, core.dispatch(operation, input)),
    rawAsync: async (operation, input) => core.dispatch(operation, input),
    call(operation, input) {
      const result = syncResult(operation, core.dispatch(operation, input));
      if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`);
      return result.data as Output<typeof operation>;
    },
    async callAsync(operation, input) {
      const result = await core.dispatch(operation, input);
      if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`);
      return result.data as Output<typeof operation>;
    },
  };
}

function syncResult(operation: string, result: Result<unknown> | Promise<Result<unknown>>): Result<unknown> {
  if (result instanceof Promise) throw new Error(`${operation} is asynchronous: use callAsync or rawAsync`);
  return result;
}

/** Board → site → ward with sensible defaults; override what a test cares about. */
export function makeWard(core: TestCore, overrides: Partial<Input<'wards.create'>> = {}) {
  const board = core.call('boards.create', { name: `Board ${Math.random().toString(36).slice(2, 8)}` });
  const site = core.call('sites.create', { boardId: board.id, name: 'Test Site' });
  const ward = core.call('wards.create', {
    siteId: site.id,
    name: 'Test Ward',
    type: 'adult_acute',
    bedCount: 12,
    sexDesignation: 'mixed',
    ...overrides,
  });
  return { board, site, ward };
}

/** Records an assessment directly in the store (the walkthrough screens come later). */
export function insertAssessment(core: TestCore, wardId: string, id = crypto.randomUUID()): string {
  core.store.sqlite
    .prepare(
      "INSERT INTO assessments (id, ward_id, round, assessed_on, status, created_at, updated_at) VALUES (?, ?, '2026/27', '2026-11-23', 'draft', '2026-11-23T10:00:00Z', '2026-11-23T10:00:00Z')",
    )
    .run(id, wardId);
  return id;
}
