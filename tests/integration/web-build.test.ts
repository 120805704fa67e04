import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEAVY_TEST_MS } from '../helpers/budgets';
import { APP_ROOT, tempDir } from '../helpers/core';

// `npm run web` rebuilds out/ only when a source changed (src/web/build.cjs records a digest of
// every input with each build, and each file's fingerprint), then runs the built web door with plain Node.

interface Build {
  OUTPUTS: string[];
  buildAll(args?: string[]): Promise<void>;
  buildIsCurrent(root?: string): boolean;
  readInputs(root: string, takenAt?: number): Inputs;
  recordBuild(root: string, inputs: Inputs): void;
}
interface Inputs {
  digest: string;
  fingerprints: Record<string, string | null>;
}
const build = createRequire(__filename)(path.join(APP_ROOT, 'src', 'web', 'build.cjs')) as Build;

/** A small app folder: a few sources and resources, the files that decide the build, and out/ as a build leaves it. */
function appFolder(): string {
  const root = tempDir('mhea-build-');
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  };
  write('src/core/a.ts', 'export const a = 1;\n');
  write('src/renderer/deep/b.tsx', 'export const b = 2;\n');
  write('resources/docs/method.md', '# Method\n');
  write('package.json', '{"name":"x"}\n');
  write('package-lock.json', '{}\n');
  write('electron.vite.config.ts', 'export default {};\n');
  for (const output of build.OUTPUTS) write(output, '// built\n');
  build.recordBuild(root, build.readInputs(root));
  return root;
}

/**
 * Records the build as if its inputs had been read a minute from now, when none of the files just
 * written is recent any more: every file then has a fingerprint the check can trust.
 */
function recordWithFingerprints(root: string, digest?: string): void {
  const inputs = build.readInputs(root, Date.now() + 60_000);
  expect(Object.values(inputs.fingerprints).every((f) => typeof f === 'string')).toBe(true);
  build.recordBuild(root, { ...inputs, ...(digest ? { digest } : {}) });
}

/** Each kind of change makes the build stale, and undoing it makes it current again. */
function expectEveryChangeSeen(root: string, record: () => void): void {
  const source = path.join(root, 'src', 'core', 'a.ts');
  for (const [relative, changed] of [
    // Same length as before: only the contents differ.
    ['src/core/a.ts', 'export const a = 2;\n'],
    ['src/renderer/deep/b.tsx', 'export const b = 3;\n'],
    ['resources/docs/method.md', '# Method, reworded\n'],
    ['package-lock.json', '{"lockfileVersion":3}\n'],
    ['electron.vite.config.ts', 'export default { main: {} };\n'],
  ] as const) {
    record();
    const file = path.join(root, relative);
    const before = fs.readFileSync(file);
    const times = fs.statSync(file);
    fs.writeFileSync(file, changed);
    // An editor that keeps the file's times.
    fs.utimesSync(file, times.atime, times.mtime);
    expect(build.buildIsCurrent(root), `${relative} changed`).toBe(false);
    fs.writeFileSync(file, before);
    expect(build.buildIsCurrent(root), `${relative} put back`).toBe(true);
  }

  // A new source file, a removed one, a renamed one.
  record();
  fs.writeFileSync(path.join(root, 'src', 'core', 'new.ts'), '');
  expect(build.buildIsCurrent(root)).toBe(false);
  fs.rmSync(path.join(root, 'src', 'core', 'new.ts'));
  expect(build.buildIsCurrent(root)).toBe(true);
  record();
  fs.renameSync(source, path.join(root, 'src', 'core', 'a2.ts'));
  expect(build.buildIsCurrent(root)).toBe(false);
  fs.renameSync(path.join(root, 'src', 'core', 'a2.ts'), source);
  expect(build.buildIsCurrent(root)).toBe(true);
}

const children: { kill(): void }[] = [];
afterEach(() => {
  while (children.length > 0) children.pop()!.kill();
});

describe('the web door build', () => {
  it('is current until a source, a resource or a file that decides the build changes, whatever the file times say', () => {
    const root = appFolder();
    expect(build.buildIsCurrent(root)).toBe(true);

    // Times alone (a checkout, a copy, touching a file) do not make it stale.
    const source = path.join(root, 'src', 'core', 'a.ts');
    fs.utimesSync(source, new Date('2030-01-01'), new Date('2030-01-01'));
    expect(build.buildIsCurrent(root)).toBe(true);

    expectEveryChangeSeen(root, () => build.recordBuild(root, build.readInputs(root)));
  });

  it('trusts fingerprints only while every file is there unchanged, and reads the contents otherwise', () => {
    const root = appFolder();
    // With every fingerprint unchanged the contents are not read: even a record whose digest is
    // wrong is taken as current.
    recordWithFingerprints(root, 'not the digest of these files');
    expect(build.buildIsCurrent(root)).toBe(true);
    // Touching one file sends the check to the contents, which the wrong digest does not match.
    const source = path.join(root, 'src', 'core', 'a.ts');
    fs.utimesSync(source, new Date('2030-01-01'), new Date('2030-01-01'));
    expect(build.buildIsCurrent(root)).toBe(false);

    // Fingerprints kept for another build's digest are not trusted.
    recordWithFingerprints(root);
    const record = path.join(root, 'out', 'build-inputs.json');
    fs.writeFileSync(record, JSON.stringify({ inputs: 'the digest of a later build' }));
    expect(build.buildIsCurrent(root)).toBe(false);

    // With a true record, every change is still seen, however the file's times were kept.
    expectEveryChangeSeen(root, () => recordWithFingerprints(root));
  });

  it('does not keep the fingerprint of a file changed just before it was taken', () => {
    const root = appFolder();
    const inputs = build.readInputs(root);
    // appFolder wrote every file a moment ago.
    expect(Object.values(inputs.fingerprints).every((f) => f === null)).toBe(true);
    const later = build.readInputs(root, Date.now() + 60_000);
    expect(later.digest).toBe(inputs.digest);
    expect(Object.values(later.fingerprints).every((f) => typeof f === 'string')).toBe(true);
  });

  it('is not current when part of out/ or the record is missing', () => {
    for (const missing of [...build.OUTPUTS, 'out/build-inputs.json']) {
      const root = appFolder();
      fs.rmSync(path.join(root, missing));
      expect(build.buildIsCurrent(root), `${missing} removed`).toBe(false);
      // A build under way has removed the record: checking never writes it back.
      expect(fs.existsSync(path.join(root, missing)), `${missing} still removed`).toBe(false);
    }
  });

  it(
    'npm run web starts the built door without rebuilding when the build is current, and it serves',
    async () => {
      if (!build.buildIsCurrent()) await build.buildAll(['--logLevel', 'warn']);
      const db = path.join(tempDir(), 'estates.sqlite');
      const child = spawn(process.execPath, ['src/web/start.cjs', '--port', '0', '--db', db], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      const said = await new Promise<string>((resolve, reject) => {
        let out = '';
        const read = (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (/running at http:\/\/\S+\?key=/.test(out)) resolve(out);
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => reject(new Error(`npm run web exited (${code}):\n${out}`)));
      });
      expect(said).not.toContain('Building the app');
      const [, url, key] = /running at (http:\/\/\S+\/)\?key=(\S+)/.exec(said)!;
      const response = await fetch(`${url}rpc/boards.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-MHEA-Key': key! }, body: '{}' });
      expect(await response.json()).toEqual({ ok: true, data: [] });
      const page = await fetch(url!, { headers: { 'X-MHEA-Key': key! } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    },
    HEAVY_TEST_MS,
  );
});
