import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { extractAll, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { packagedBindingPath } from '../../src/main/native/binding';
import { OPERATIONS } from '../../src/shared/contract';
import { APP_ROOT, tempDir } from '../helpers/core';
import { bootWithElectronStub } from '../helpers/electron-stub';

// The packaged layout, proven on a machine that cannot download Electron: electron-builder packs
// the app with package.json's own configuration against a stand-in Electron distribution (a
// placeholder executable carrying Electron's fuse wire, so the fuse step has bytes to flip), then
// the produced app.asar is read back, and the packaged main bundle is booted in plain Node with
// `electron` stubbed and `app.isPackaged` true. The SQLite binary packed here is node_modules'
// Node build standing in for the Electron build (which needs Electron's headers from the
// internet): what is proven is where it goes and that the packaged app loads it from there.
//
// electron-builder's `--dir` output and the stand-in executable are Linux-shaped; on Windows and
// macOS the packed folder differs (an .exe that gets resource-edited, an .app bundle), so this
// runs where CI runs.

const PACKAGE = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as { name: string; build: { electronFuses: unknown } };
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's fuses as shipped (wire version 1, eight fuses): what the packaging must change. */
const SHIPPED_FUSES = '10110001';
const NODE_SQLITE = path.join(APP_ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

describe.runIf(process.platform === 'linux')('the packaged desktop app (electron-builder, against a stand-in Electron)', () => {
  let work: string;
  let appOutDir: string;
  let archive: string;
  let entries: string[];

  beforeAll(() => {
    expect(fs.existsSync(path.join(APP_ROOT, 'out', 'main', 'index.js')), 'out/ is missing: run "npm run build" first').toBe(true);
    work = tempDir('mhea-packaged-');
    const electronDist = path.join(work, 'electron-stand-in');
    fs.mkdirSync(electronDist);
    fs.writeFileSync(
      path.join(electronDist, 'electron'),
      `#!/bin/sh\necho "A stand-in for the Electron binary, used to test packaging" >&2\nexit 1\n# ${SENTINEL}\u0001\u0008${SHIPPED_FUSES}\n`,
      { mode: 0o755 },
    );
    const nativeDir = path.join(work, 'native');
    fs.mkdirSync(nativeDir);
    fs.copyFileSync(NODE_SQLITE, path.join(nativeDir, 'better_sqlite3.node'));
    const output = path.join(work, 'dist');
    const run = spawnSync(process.execPath, [path.join(APP_ROOT, 'tests', 'fixtures', 'pack-with-stand-in.cjs'), electronDist, nativeDir, output], {
      cwd: APP_ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(run.status, `electron-builder failed:\n${run.stdout}\n${run.stderr}`).toBe(0);
    const unpacked = fs.readdirSync(output).filter((name) => fs.existsSync(path.join(output, name, 'resources', 'app.asar')));
    expect(unpacked).toHaveLength(1);
    appOutDir = path.join(output, unpacked[0]!);
    archive = path.join(appOutDir, 'resources', 'app.asar');
    entries = listPackage(archive, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
  }, 240_000);

  it('carries the built app, every migration, the checklists, docs, schemas and fonts inside app.asar', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const resources = (folder: string) => fs.readdirSync(path.join(APP_ROOT, 'resources', folder)).map((name) => `/resources/${folder}/${name}`);
    const expected = [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
      '/drizzle/meta/_journal.json',
      ...journal.entries.map((entry) => `/drizzle/${entry.tag}.sql`),
      ...resources('checklists'),
      ...resources('docs'),
      ...resources('schemas'),
      ...resources('fonts'),
      // The main bundle's runtime dependencies.
      ...['better-sqlite3', 'drizzle-orm', 'pdfmake', 'zod'].map((name) => `/node_modules/${name}/package.json`),
    ];
    expect(entries).toEqual(expect.arrayContaining(expected));
    expect(resources('checklists')).toHaveLength(4);
  });

  it('leaves out the sources, the tests, the installer files, databases and everything only developers use', () => {
    const unwanted = entries.filter(
      (entry) =>
        /^\/(src|tests|resources\/installer|dist|node_modules\/\.cache)(\/|$)/.test(entry) ||
        /^\/node_modules\/(electron|electron-builder|react|react-dom|vitest|typescript|@playwright|playwright-core|drizzle-kit|tsx)(\/|$)/.test(entry) ||
        /\.sqlite$/.test(entry),
    );
    expect(unwanted).toEqual([]);
    expect(fs.existsSync(path.join(appOutDir, 'resources', 'app-update.yml')), 'no auto-update configuration: IT controls versions').toBe(false);
  });

  it('unpacks the SQLite engine beside the archive and ships no other build of it', () => {
    expect(statFile(archive, 'native/better_sqlite3.node')).toMatchObject({ unpacked: true });
    const shipped = packagedBindingPath(path.join(appOutDir, 'resources'));
    expect(fs.readFileSync(shipped).equals(fs.readFileSync(NODE_SQLITE))).toBe(true);
    expect(entries.filter((entry) => entry.endsWith('.node'))).toEqual(['/native/better_sqlite3.node']);
    expect(entries.some((entry) => entry.startsWith('/node_modules/better-sqlite3/build'))).toBe(false);
  });

  it('flips the Electron fuses the configuration asks for on the packaged executable', async () => {
    expect(PACKAGE.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const wire = await getCurrentFuseWire(path.join(appOutDir, PACKAGE.name));
    const state = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number);
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      nodeCliInspect: state(FuseV1Options.EnableNodeCliInspectArguments),
      asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      // Not asked for: left as Electron ships them.
      v8Snapshot: state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot),
      fileProtocol: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({ runAsNode: '0', cookieEncryption: '1', nodeOptions: '0', nodeCliInspect: '0', asarIntegrity: '1', onlyLoadAppFromAsar: '1', v8Snapshot: '0', fileProtocol: '1' });
  });

  it('boots from the archive as an installed app: migrates, loads SQLite from the unpacked folder, installs the checklists, prints a report with its fonts', () => {
    // Plain Node cannot read an asar archive, so it is extracted to a folder of the same name;
    // the unpacked twin stays where electron-builder put it.
    const resourcesPath = path.join(work, 'installed', 'resources');
    extractAll(archive, path.join(resourcesPath, 'app.asar'));
    fs.cpSync(path.join(appOutDir, 'resources', 'app.asar.unpacked'), path.join(resourcesPath, 'app.asar.unpacked'), { recursive: true });
    const appPath = path.join(resourcesPath, 'app.asar');
    const userData = tempDir('mhea-packaged-userdata-');

    const mainBundle = path.join(appPath, 'out', 'main', 'index.js');
    const { report } = bootWithElectronStub(mainBundle, { STUB_USER_DATA: userData, STUB_APP_ROOT: appPath, STUB_RESOURCES_PATH: resourcesPath, STUB_IS_PACKAGED: '1' }, work);

    expect(report.nativeModules).toEqual([packagedBindingPath(resourcesPath)]);
    expect([...report.channels].sort()).toEqual(OPERATIONS.map((o) => `rpc:${o}`).sort());
    expect(report.windowOptions.webPreferences.preload).toBe(path.join(appPath, 'out', 'preload', 'index.js'));
    expect(report.protocolIndex.status).toBe(200);
    expect(report.infoResult).toMatchObject({ ok: true, data: { door: 'ipc', databaseFile: path.join(userData, 'estates.sqlite') } });

    const journal = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    const sqlite = new Database(path.join(userData, 'estates.sqlite'), { readonly: true });
    expect(sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: journal.entries.length });
    sqlite.close();

    const templates = report.templates.data as { domain: string; isCurrent: boolean }[];
    expect(templates.filter((t) => t.isCurrent).map((t) => t.domain).sort()).toEqual(['ligature', 'quality', 'safety', 'therapeutic']);

    expect(report.boardReport).toMatchObject({ ok: true });
    const pdf = Buffer.from(report.boardReport.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Regular/);
  });
});
