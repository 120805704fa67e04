import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devElectronBindingPath, NATIVE_FILE } from './binding';

// Run by `npm start` before Electron launches: makes sure an Electron-ABI build of better-sqlite3
// exists beside the Node build, without touching node_modules/better-sqlite3 itself (so `npm test`
// keeps working). It tries the published prebuilt binary first, then compiles from source against
// Electron's headers. Both need the internet once per Electron version.

function main() {
  const appRoot = path.resolve(__dirname, '..', '..', '..');
  const electronVersion = readVersion(path.join(appRoot, 'node_modules', 'electron', 'package.json'));
  const target = devElectronBindingPath(appRoot, electronVersion);
  if (fs.existsSync(target)) return;

  const source = path.join(appRoot, 'node_modules', 'better-sqlite3');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-sqlite-electron-'));
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    fs.cpSync(path.join(source, entry), path.join(work, entry), { recursive: true });
  }
  const bin = (name: string) => path.join(appRoot, 'node_modules', '.bin', name);
  console.log(`Preparing the database engine for Electron ${electronVersion} (once per Electron version)…`);
  try {
    execFileSync(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform], { cwd: work, stdio: 'inherit' });
  } catch {
    console.log('No prebuilt binary could be downloaded; compiling from source against Electron headers…');
    execFileSync('npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], {
      cwd: work,
      stdio: 'inherit',
      env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers', npm_config_nodedir: '' },
    });
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', NATIVE_FILE), target);
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`Database engine ready: ${target}`);
}

function readVersion(manifest: string): string {
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

try {
  main();
} catch (error) {
  console.error(`Could not prepare better-sqlite3 for Electron: ${error instanceof Error ? error.message : String(error)}`);
  console.error('The browser version of the app still works: npm run web');
  process.exit(1);
}
