'use strict';
// Builds out/ (`npm run build`) and tells `npm run web` whether the build it finds is current.
//
// out/ holds the desktop app (electron-vite: main, preload, renderer) and the web door
// (out/web/index.js, the same Node code bundled so it starts with plain Node, not compiled on the
// fly). After a complete build, out/build-inputs.json records a SHA-256 over every file the build
// reads: all of src/ and resources/ (the UI bundles the Help pages from there), and the files that
// decide how they are built (package.json, package-lock.json, electron.vite.config.ts). Contents
// decide, not modification times: a checkout, a copy or an editor that keeps times cannot fool it.
// The record is removed before a build starts, so an interrupted build is never taken for current.
//
// Reading every file is most of the check's time, so out/build-fingerprints.json keeps, for the
// digest recorded, each file's fingerprint (size, modification and change times, inode). A file
// whose fingerprint is unchanged has not been written since: writing a file always moves its change
// time, which no program can set back. A file changed too shortly before its fingerprint was taken
// could be written again within the same tick of the file system's clock, so its fingerprint is
// not kept. When every file is there with its fingerprint unchanged the build is current; otherwise
// the contents decide, and when they match, a start keeps the files' new fingerprints. They are
// kept apart from the record, which only a complete build writes: a start never makes a build
// that is under way look current.
//
// Plain CommonJS, run by Node itself: `npm run web` must answer "current?" in milliseconds.
// Usage: node src/web/build.cjs [electron-vite build options, e.g. --logLevel warn]

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const APP_ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(APP_ROOT, 'out');
const INPUT_DIRS = ['src', 'resources'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'electron.vite.config.ts'];
/** What a complete build leaves: a build missing any of them is not current. */
const OUTPUTS = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'out/web/index.js'];
const WEB_ENTRY = 'src/web/index.ts';

/** A file changed less than this long before its fingerprint was taken has none (see above). */
const RACY_MS = 2000;

/** The build's inputs under `root`, relative, in a fixed order: every file under the folders, then the named files. */
function inputFiles(root) {
  const files = [];
  const walk = (relative) => {
    const entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  for (const dir of INPUT_DIRS) walk(dir);
  return [...files, ...INPUT_FILES];
}

/** A file's size, modification and change times and inode, as text. */
const fingerprint = (stat) => `${stat.size} ${stat.mtimeMs} ${stat.ctimeMs} ${stat.ino}`;

/** The fingerprint of the file as it is now; null for a missing file. */
function fingerprintOf(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? fingerprint(stat) : null;
}

/**
 * The build's inputs under `root` as they are now: the SHA-256 over each file's path and contents,
 * and each file's fingerprint, taken before its contents are read (so a later write shows); none
 * for a file changed within RACY_MS before `takenAt`.
 */
function readInputs(root, takenAt = Date.now()) {
  const hash = crypto.createHash('sha256');
  const fingerprints = {};
  for (const relative of inputFiles(root)) {
    const file = path.join(root, relative);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    fingerprints[relative] = stat && stat.ctimeMs <= takenAt - RACY_MS ? fingerprint(stat) : null;
    hash.update(`${relative}\0`);
    hash.update(stat ? fs.readFileSync(file) : '(missing)');
    hash.update('\0');
  }
  return { digest: hash.digest('hex'), fingerprints };
}

const recordOf = (root) => path.join(root, 'out', 'build-inputs.json');
const fingerprintsOf = (root) => path.join(root, 'out', 'build-fingerprints.json');

/** Writes `value` as JSON aside and renames it into place, so no reader ever sees half of it. */
function writeJson(file, value) {
  const aside = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(aside, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(aside, file);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Keeps the fingerprints of `inputs` (readInputs) for the check to trust while their digest is the one recorded. */
function keepFingerprints(root, inputs) {
  writeJson(fingerprintsOf(root), { inputs: inputs.digest, fingerprints: inputs.fingerprints });
}

/** Records that out/ under `root` was built from `inputs` (readInputs). */
function recordBuild(root, inputs) {
  keepFingerprints(root, inputs);
  writeJson(recordOf(root), { inputs: inputs.digest });
}

/** Whether every input is where `kept` saw it, with the fingerprint it kept. */
function unchangedSince(root, kept) {
  const files = inputFiles(root);
  const known = kept.fingerprints ?? {};
  if (files.length !== Object.keys(known).length) return false;
  return files.every((relative) => {
    const then = known[relative];
    return typeof then === 'string' && then === fingerprintOf(path.join(root, relative));
  });
}

/** Whether out/ under `root` was built, completely, from the sources as they are now. */
function buildIsCurrent(root = APP_ROOT) {
  const recorded = readJson(recordOf(root));
  if (recorded === null || !OUTPUTS.every((file) => fs.existsSync(path.join(root, file)))) return false;
  const kept = readJson(fingerprintsOf(root));
  if (kept !== null && kept.inputs === recorded.inputs && unchangedSince(root, kept)) return true;
  const inputs = readInputs(root);
  if (inputs.digest !== recorded.inputs) return false;
  // The same contents with other times (a checkout, a copy, a file saved unchanged): the new
  // fingerprints spare the next start reading every file. Only speed depends on them, so a
  // folder that cannot be written must not stop the app.
  try {
    keepFingerprints(root, inputs);
  } catch {
    // the next start reads the contents again
  }
  return true;
}

function run(program, args) {
  // Required here, not at the top: `npm run web` with a current build never spawns anything.
  const { spawnSync } = require('node:child_process');
  const result = spawnSync(process.execPath, [program, ...args], { cwd: APP_ROOT, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${path.relative(APP_ROOT, program)} ${args.join(' ')} failed (exit code ${result.status})`);
}

/** The web door as one CommonJS file for Node; its packages stay in node_modules. */
async function buildWebDoor(logLevel) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: APP_ROOT,
    logLevel,
    // drizzle-orm and zod are bundled in, so only the parts the app uses are loaded: required
    // whole, they were a third of the start-up's CPU (better-sqlite3 stays a package: it is native).
    ssr: { noExternal: ['drizzle-orm', 'zod'] },
    build: {
      ssr: true,
      outDir: path.join(OUT, 'web'),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: { index: path.join(APP_ROOT, WEB_ENTRY) },
        // A package loaded on first use (pdfmake, for a report) is required then, not imported as ES.
        output: { format: 'cjs', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', dynamicImportInCjs: false },
      },
    },
  });
}

/** Builds all of out/ and records what it was built from. `args` go to electron-vite build. */
async function buildAll(args = []) {
  const inputs = readInputs(APP_ROOT);
  fs.rmSync(recordOf(APP_ROOT), { force: true });
  const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), require('electron-vite/package.json').bin['electron-vite']);
  run(electronVite, ['build', ...args]);
  const level = args.indexOf('--logLevel');
  await buildWebDoor(level >= 0 ? args[level + 1] : 'info');
  recordBuild(APP_ROOT, inputs);
}

module.exports = { APP_ROOT, OUTPUTS, buildAll, buildIsCurrent, readInputs, recordBuild };

if (require.main === module) {
  buildAll(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
