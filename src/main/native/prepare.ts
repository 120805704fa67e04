import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { electronSqliteDir, NATIVE_FILE } from './binding';

// Makes the Electron build of better-sqlite3 for one platform and architecture, with
// @electron/rebuild (pinned in devDependencies): a prebuilt binary when one is published for this
// Electron, else compiled from source against Electron's headers. Both need the internet once per
// Electron version. It works on a scratch copy of the module inside the cache, so
// node_modules/better-sqlite3 (the Node build the tests, web door and CLI use) is never touched.
//
// Run by `npm start` (this computer's platform) and, through before-pack.cjs, by electron-builder
// for every platform and architecture it packs.

/** What a cached build was made for; a build for anything else is made again. */
export interface BuildInfo {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

const BUILD_INFO = 'build-info.json';
/** The parts of the module node-gyp needs to compile it; build/ (the Node binary) stays behind. */
const MODULE_SOURCES = ['package.json', 'binding.gyp', 'src', 'deps', 'lib'];

export function isCurrentBuild(found: unknown, wanted: BuildInfo): boolean {
  if (typeof found !== 'object' || found === null) return false;
  const record = found as Record<string, unknown>;
  return (Object.keys(wanted) as (keyof BuildInfo)[]).every((key) => record[key] === wanted[key]);
}

function readBuildInfo(dir: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, BUILD_INFO), 'utf8'));
  } catch {
    return null;
  }
}

function packageVersion(manifest: string): string {
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export async function prepareElectronSqlite(appRoot: string, platform: string, arch: string): Promise<string> {
  const dir = electronSqliteDir(appRoot, platform, arch);
  const target = path.join(dir, NATIVE_FILE);
  const source = path.join(appRoot, 'node_modules', 'better-sqlite3');
  const wanted: BuildInfo = {
    electron: packageVersion(path.join(appRoot, 'node_modules', 'electron', 'package.json')),
    betterSqlite3: packageVersion(path.join(source, 'package.json')),
    platform,
    arch,
  };
  if (fs.existsSync(target) && isCurrentBuild(readBuildInfo(dir), wanted)) return target;

  console.log(`Preparing the database engine for Electron ${wanted.electron} (${platform}-${arch}); once per Electron version…`);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  // Inside the project, so @electron/rebuild finds node_modules/prebuild-install by walking up.
  const work = fs.mkdtempSync(path.join(path.dirname(dir), 'work-'));
  try {
    const moduleCopy = path.join(work, 'node_modules', 'better-sqlite3');
    for (const entry of MODULE_SOURCES) fs.cpSync(path.join(source, entry), path.join(moduleCopy, entry), { recursive: true });
    fs.writeFileSync(
      path.join(work, 'package.json'),
      JSON.stringify({ name: 'mhea-electron-sqlite', private: true, dependencies: { 'better-sqlite3': wanted.betterSqlite3 } }),
    );
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: work, electronVersion: wanted.electron, platform: platform as NodeJS.Platform, arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(moduleCopy, 'build', 'Release', NATIVE_FILE), target);
    fs.writeFileSync(path.join(dir, BUILD_INFO), `${JSON.stringify(wanted, null, 2)}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`Database engine ready: ${target}`);
  return target;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { platform: { type: 'string' }, arch: { type: 'string' } } });
  // node-gyp must fetch Electron's headers, not use a Node headers folder set for the Node build
  // (this repository's CI machines set npm_config_nodedir for that).
  delete process.env.npm_config_nodedir;
  delete process.env.NPM_CONFIG_NODEDIR;
  const appRoot = path.resolve(__dirname, '..', '..', '..');
  await prepareElectronSqlite(appRoot, values.platform ?? process.platform, values.arch ?? process.arch);
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((error: unknown) => {
    console.error(`Could not prepare better-sqlite3 for Electron: ${error instanceof Error ? error.message : String(error)}`);
    console.error('The browser version of the app still works: npm run web');
    process.exit(1);
  });
}
