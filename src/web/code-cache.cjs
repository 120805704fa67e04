'use strict';
// Runs the built web door (one CommonJS file) as `require` would, with V8's code cache: the
// compiled code of its last start, so a start need not compile the 0.9 MB bundle and the functions
// its start-up calls again (about a tenth of the door's cold start). Node 22 does this itself
// (module.enableCompileCache); Node 20 does not.
//
// V8 accepts a cache for any source of the same length, so the cache names the SHA-256 of the
// exact source it was made from, and of its own bytes: a rebuilt bundle, or a damaged or partly
// written cache, is never used. V8 refuses a cache from another V8 version or other flags itself.
// Without a usable cache the file is compiled as usual, and the cache is made again once the
// start-up has run.
//
// Plain CommonJS, run by Node itself before the bundle (src/web/start.cjs).

const { Buffer } = require('node:buffer');
const crypto = require('node:crypto');
const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

/** The cache's first line: what it was made from and what it holds. */
function headerOf(sourceDigest, data) {
  return `${JSON.stringify({ source: sourceDigest, data: sha256(data), bytes: data.length })}\n`;
}

/** The cached data made from exactly this source, or undefined. */
function readCache(cacheFile, sourceDigest) {
  let bytes;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined; // none yet
  }
  const end = bytes.indexOf(10);
  if (end < 0) return undefined;
  let header;
  try {
    header = JSON.parse(bytes.subarray(0, end).toString('utf8'));
  } catch {
    return undefined;
  }
  const data = bytes.subarray(end + 1);
  if (header.source !== sourceDigest || header.bytes !== data.length || header.data !== sha256(data)) return undefined;
  return data;
}

/** Writes the cache aside and renames it into place, so no reader ever sees half of one. */
function writeCache(cacheFile, sourceDigest, data) {
  const aside = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(aside, Buffer.concat([Buffer.from(headerOf(sourceDigest, data), 'utf8'), data]));
    fs.renameSync(aside, cacheFile);
  } catch {
    // Only speed depends on the cache: a folder that cannot be written costs the next start its
    // compile time, nothing else, so it must not stop the app.
    fs.rmSync(aside, { force: true });
  }
}

/**
 * Runs `file` as a CommonJS module with the code cache kept in `cacheFile`, and returns its
 * exports and what became of the cache: 'used', or 'made' (none was usable, so one was written
 * once the module had run).
 */
function requireWithCodeCache(file, cacheFile = `${file}.code-cache`) {
  const filename = path.resolve(file);
  const bytes = fs.readFileSync(filename);
  const sourceDigest = sha256(bytes);
  const cachedData = readCache(cacheFile, sourceDigest);
  // The wrapper Node puts around a CommonJS module, on the source's first line so line numbers
  // hold; joined as bytes, so the 0.9 MB bundle is made into text once, not twice.
  const wrapped = Buffer.concat([Buffer.from('(function (exports, require, module, __filename, __dirname) {'), bytes, Buffer.from('\n})')]).toString('utf8');
  const script = new vm.Script(wrapped, {
    filename,
    ...(cachedData ? { cachedData } : {}),
  });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  // The bundle uses its `require` (resolved from its own folder, as Node's would be) and exports nothing.
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
  // After the run, the cache also holds the functions the start-up compiled, not just the top level.
  if (!used) writeCache(cacheFile, sourceDigest, script.createCachedData());
  return { exports: module.exports, cache: used ? 'used' : 'made' };
}

module.exports = { requireWithCodeCache };
