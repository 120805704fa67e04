import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { APP_ROOT } from '../helpers/core';

// Cold start (issue 13): loading the app builds no zod schema; each is built the first time it is
// used. Counted with zod's own hook, which it calls for every schema it constructs (the one its
// `zod/compile` uses): a lazySchema wrapper is one cheap schema of type "lazy"; anything else
// built while loading is a schema built before anyone needed it.

/** Each zod schema constructed while `load` runs, by type. */
async function schemasBuiltBy<T>(load: () => Promise<T> | T): Promise<{ result: T; built: string[] }> {
  const built: string[] = [];
  z.config({ postProcessor: (schema: z.core.$ZodType) => built.push(schema._zod.def.type) });
  try {
    return { result: await load(), built };
  } finally {
    z.config({ postProcessor: undefined });
  }
}

const WEB_BUNDLE = path.join(APP_ROOT, 'out', 'web', 'index.js');

describe('building schemas on first use', () => {
  it('loading the built web door builds no zod schema but the lazy wrappers', () => {
    expect(fs.existsSync(WEB_BUNDLE), 'out/web/index.js is missing: run "npm run build" first').toBe(true);
    // The bundle carries its own zod, which reads the hook from the global it shares with this one.
    const script = `
      const built = [];
      globalThis.__zod_globalConfig = { postProcessor: (schema) => built.push(schema._zod.def.type) };
      process.argv.push('--help');
      require(${JSON.stringify(WEB_BUNDLE)});
      process.on('exit', () => process.stderr.write(JSON.stringify(built)));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const built = JSON.parse(run.stderr) as string[];
    // The hook works (it saw the wrappers), and nothing else was built.
    expect(built.length).toBeGreaterThan(100);
    expect(built.filter((type) => type !== 'lazy')).toEqual([]);
  });

  it('loading the contract builds none of its operations’ schemas; each is built once, on first read, and kept', async () => {
    const { result: loaded, built } = await schemasBuiltBy(() => import('../../src/shared/contract'));
    const { contract, OPERATIONS, isOperation } = loaded;
    expect(built.filter((type) => type !== 'lazy')).toEqual([]);
    expect(OPERATIONS).toContain('answers.record');
    expect(isOperation('answers.record')).toBe(true);

    for (const operation of OPERATIONS) {
      const first = await schemasBuiltBy(() => contract[operation]);
      const again = await schemasBuiltBy(() => contract[operation]);
      expect(again.result, operation).toBe(first.result);
      expect(again.built, operation).toEqual([]);
    }
  });

  it('the first answer builds its own schemas and no others; the next builds none', async () => {
    const { contract } = await import('../../src/shared/contract');
    const answer = {
      assessmentId: '0b7c2f0e-3d7a-4c1e-9a53-2f0a8f5d6c11',
      itemId: 'Q01',
      areaId: null,
      value: 'yes',
      assessorId: '5a1d3c4e-6f70-4a8b-9c0d-1e2f3a4b5c6d',
    };
    const first = await schemasBuiltBy(() => contract['answers.record'].input.parse(answer));
    expect(first.result).toEqual({ ...answer, naReason: null, note: null });
    // The answer's object, its fields and what they are made of: a few dozen, not a thousand.
    expect(first.built.length).toBeGreaterThan(0);
    expect(first.built.length).toBeLessThan(60);
    const next = await schemasBuiltBy(() => contract['answers.record'].input.parse({ ...answer, value: 'no' }));
    expect(next.built).toEqual([]);
  });
});
