import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, tempDir } from '../helpers/core';

// `npm run web` runs the built door with V8's code cache of its last start (src/web/code-cache.cjs).
// V8 itself takes a cache for any source of the same length and runs the code it was made from,
// so the cache must be used only with the exact source and bytes it names.

interface CodeCache {
  requireWithCodeCache(file: string, cacheFile?: string): { exports: unknown; cache: 'used' | 'made' };
}
const { requireWithCodeCache } = createRequire(__filename)(path.join(APP_ROOT, 'src', 'web', 'code-cache.cjs')) as CodeCache;

/** A small module like the bundle: it requires a neighbour and a package, and reads its own place. */
function moduleFolder(): { file: string; cacheFile: string } {
  const dir = tempDir('mhea-code-cache-');
  fs.writeFileSync(path.join(dir, 'neighbour.js'), 'module.exports = { word: "beside" };\n');
  const file = path.join(dir, 'door.js');
  fs.writeFileSync(file, doorSource('AAAA'));
  return { file, cacheFile: `${file}.code-cache` };
}

function doorSource(mark: string): string {
  return [
    `const neighbour = require('./neighbour.js');`,
    `const path = require('node:path');`,
    `function answer() { return '${mark}'; }`,
    `module.exports = { mark: answer(), word: neighbour.word, folder: path.basename(__dirname), name: path.basename(__filename) };`,
    '',
  ].join('\n');
}

describe('the web door code cache', () => {
  it('is made on the first start and used on the next, and the module runs as Node would run it', () => {
    const { file, cacheFile } = moduleFolder();
    const first = requireWithCodeCache(file, cacheFile);
    expect(first.cache).toBe('made');
    expect(first.exports).toEqual({ mark: 'AAAA', word: 'beside', folder: path.basename(path.dirname(file)), name: 'door.js' });
    expect(fs.existsSync(cacheFile)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const second = requireWithCodeCache(file, cacheFile);
    expect(second.cache).toBe('used');
    expect(second.exports).toEqual(first.exports);
  });

  it('is not used for a rebuilt file of the same length: the new code runs', () => {
    const { file, cacheFile } = moduleFolder();
    requireWithCodeCache(file, cacheFile);
    fs.writeFileSync(file, doorSource('BBBB'));
    const rebuilt = requireWithCodeCache(file, cacheFile);
    expect(rebuilt.cache).toBe('made');
    expect(rebuilt.exports).toMatchObject({ mark: 'BBBB' });
    expect(requireWithCodeCache(file, cacheFile)).toMatchObject({ cache: 'used', exports: { mark: 'BBBB' } });
  });

  it('is not used when damaged, cut short or not a cache at all, and is made again', () => {
    const { file, cacheFile } = moduleFolder();
    requireWithCodeCache(file, cacheFile);
    const good = fs.readFileSync(cacheFile);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] = flipped[flipped.length - 10]! ^ 0xff;
    for (const [what, bytes] of [
      ['one byte changed', flipped],
      ['cut short', good.subarray(0, good.length - 100)],
      ['no header', good.subarray(good.indexOf(10) + 1)],
      ['empty', Buffer.alloc(0)],
    ] as const) {
      fs.writeFileSync(cacheFile, bytes);
      expect(requireWithCodeCache(file, cacheFile), what).toMatchObject({ cache: 'made', exports: { mark: 'AAAA' } });
      expect(requireWithCodeCache(file, cacheFile).cache, what).toBe('used');
    }
  });
});
