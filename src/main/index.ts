import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { createCore, type Core } from '../core';
import { readAppVersion, resolveDatabaseFile } from '../core/paths';
import { registerIpc } from './ipc';
import { safeStorageProtection } from './key-protection';
import { applicationMenu } from './menu';
import { nativeBindingFor } from './native/binding';
import { serveAppRequest } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { APP_ENTRY_URL, APP_SCHEME } from './trusted-origin';
import { mainWindowOptions } from './window';

// The Electron shell: window, menu and the IPC door over the core. No rule lives here.

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let core: Core | null = null;

function appRoot(): string {
  // Packaged: resources sit inside the app archive; in development: the project folder.
  return app.getAppPath();
}

function databaseFileFromArgs(argv: string[]): string | undefined {
  const i = argv.indexOf('--db');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
}

function start(): void {
  const root = appRoot();
  const rendererDir = path.join(root, 'out', 'renderer');
  core = createCore({
    databaseFile: resolveDatabaseFile(databaseFileFromArgs(process.argv), app.getPath('userData')),
    migrationsFolder: path.join(root, 'drizzle'),
    resourcesDir: path.join(root, 'resources'),
    door: 'ipc',
    appVersion: readAppVersion(root),
    nativeBinding: nativeBindingFor({
      appRoot: root,
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      electronVersion: process.versions.electron,
    }),
    keyProtection: safeStorageProtection(safeStorage),
  });
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
  denyAllPermissions(session.defaultSession);
  registerIpc(ipcMain, core.dispatch);
  Menu.setApplicationMenu(applicationMenu(app.name));
  openMainWindow(root);
}

function openMainWindow(root: string): void {
  const window = new BrowserWindow(mainWindowOptions(path.join(root, 'out', 'preload', 'index.js')));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database file; focus the first one instead.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(appRoot());
  });
  app.on('will-quit', () => core?.close());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('The app could not start:', error);
      app.exit(1);
    });
}
