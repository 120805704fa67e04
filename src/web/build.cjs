'use strict';
// Builds out/ (`npm run build`) and tells `npm run web` whether the build it finds is current.
//
// out/ holds the desktop app (electron-vite: main, preload, renderer) and the web door
// (out/web/index.js, the same Node code bundled so it starts with plain Node, not compiled on the
// fly). After a complete build, out/build-inputs.json records a SHA-256 over every file the build
// reads: all of src/ and resources/ (the UI bundles the Help pages from there), and the files that
// decide how they are built (package.json, package-lock.json, electron.vite.config.ts). Contents,
// not modification times: a checkout, a copy or an editor that keeps times cannot fool it. The
// record is removed before a build starts, so an interrupted build is never taken for current.
//
// Plain CommonJS, run by Node itself: `npm run web` must answer "current?" in milliseconds.
// Usage: node src/web/build.cjs [electron-vite build options, e.g. --logLevel warn]

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const APP_ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(APP_ROOT, 'out');
const INPUT_DIRS = ['src', 'resources'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'electron.vite.config.ts'];
/** What a complete build leaves: a build missing any of them is not current. */
const OUTPUTS = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'out/web/index.js'];
const WEB_ENTRY = 'src/web/index.ts';

/** SHA-256 over the build's inputs under `root`: each file's path and contents, in a fixed order. */
function inputsDigest(root) {
  const hash = crypto.createHash('sha256');
  const add = (relative) => {
    const file = path.join(root, relative);
    hash.update(`${relative}\0`);
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : '(missing)');
    hash.update('\0');
  };
  const walk = (relative) => {
    const entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) add(child);
    }
  };
  for (const dir of INPUT_DIRS) walk(dir);
  for (const file of INPUT_FILES) add(file);
  return hash.digest('hex');
}

const recordOf = (root) => path.join(root, 'out', 'build-inputs.json');

/** Records that out/ under `root` was built from the inputs whose digest is `inputs`. */
function recordBuild(root, inputs) {
  fs.writeFileSync(recordOf(root), `${JSON.stringify({ inputs }, null, 2)}\n`);
}

/** Whether out/ under `root` was built, completely, from the sources as they are now. */
function buildIsCurrent(root = APP_ROOT) {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(recordOf(root), 'utf8'));
  } catch {
    return false;
  }
  return OUTPUTS.every((file) => fs.existsSync(path.join(root, file))) && recorded.inputs === inputsDigest(root);
}

function run(program, args) {
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
  const inputs = inputsDigest(APP_ROOT);
  fs.rmSync(recordOf(APP_ROOT), { force: true });
  const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), require('electron-vite/package.json').bin['electron-vite']);
  run(electronVite, ['build', ...args]);
  const level = args.indexOf('--logLevel');
  await buildWebDoor(level >= 0 ? args[level + 1] : 'info');
  recordBuild(APP_ROOT, inputs);
}

module.exports = { APP_ROOT, OUTPUTS, buildAll, buildIsCurrent, inputsDigest, recordBuild };

if (require.main === module) {
  buildAll(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
