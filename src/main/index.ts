import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { createCore } from '../core';
import { DATABASE_FILE_NAME, readAppVersion } from '../core/paths';
import { createDatabaseSession, type DatabaseSession } from './database-session';
import { electronDesktopUi } from './desktop-ui';
import { registerIpc } from './ipc';
import { safeStorageProtection } from './key-protection';
import { applicationMenuTemplate } from './menu';
import { nativeBindingFor } from './native/binding';
import { serveAppRequest } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { chooseStartupDatabase, recentDatabasesIn, type RecentDatabases } from './recent-databases';
import { brokenInstallPrompt } from './start-failure';
import { APP_ENTRY_URL, APP_SCHEME } from './trusted-origin';
import { mainWindowOptions } from './window';

// The Electron shell: window, menu and the IPC door over the core. No rule lives here.

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let databases: DatabaseSession | null = null;

function appRoot(): string {
  // Packaged: resources sit inside the app archive; in development: the project folder.
  return app.getAppPath();
}

async function start(): Promise<void> {
  const root = appRoot();
  const rendererDir = path.join(root, 'out', 'renderer');
  let nativeBinding: string | undefined;
  try {
    nativeBinding = nativeBindingFor({ appRoot: root, isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, electronVersion: process.versions.electron });
  } catch (error) {
    await electronDesktopUi({ window: () => null, changed: () => undefined }).ask(brokenInstallPrompt(error));
    app.quit();
    return;
  }
  const userData = app.getPath('userData');
  const recent = recentDatabasesIn(userData);
  const standardFile = path.join(userData, DATABASE_FILE_NAME);
  const db = createDatabaseSession({
    openCore: (file) =>
      createCore({
        databaseFile: file,
        migrationsFolder: path.join(root, 'drizzle'),
        resourcesDir: path.join(root, 'resources'),
        door: 'ipc',
        appVersion: readAppVersion(root),
        ...(nativeBinding ? { nativeBinding } : {}),
        keyProtection: safeStorageProtection(safeStorage),
      }),
    ui: electronDesktopUi({ window: mainWindow, changed: () => databaseChanged(db, recent) }),
    recent,
    standardFile,
  });
  databases = db;
  if (!(await db.start(chooseStartupDatabase({ argv: process.argv, env: process.env, recent: recent.list(), standardFile, exists: fs.existsSync })))) {
    app.quit();
    return;
  }
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
  denyAllPermissions(session.defaultSession);
  registerIpc(ipcMain, db.dispatch);
  setMenu(db, recent);
  openMainWindow(root);
}

function mainWindow(): BrowserWindow | null {
  return BrowserWindow.getAllWindows()[0] ?? null;
}

function setMenu(db: DatabaseSession, recent: RecentDatabases): void {
  const actions = {
    newDatabase: () => void db.newDatabase(),
    openDatabase: () => void db.openDatabase(),
    openRecent: (file: string) => void db.openRecent(file),
    clearRecent: () => {
      recent.clear();
      setMenu(db, recent);
    },
    showDatabaseFolder: () => db.showDatabaseFolder(),
    showBackupsFolder: () => void db.showBackupsFolder(),
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ appName: app.name, platform: process.platform, recent: recent.list(), actions })));
}

/** Another database is open: the page starts afresh on it, and Open recent lists it first. */
function databaseChanged(db: DatabaseSession, recent: RecentDatabases): void {
  setMenu(db, recent);
  void mainWindow()?.loadURL(APP_ENTRY_URL);
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
  app.on('will-quit', () => databases?.close());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Never a silent exit: whatever went wrong is shown before the app closes.
      console.error('The app could not start:', error);
      dialog.showErrorBox('The app could not start', `${error instanceof Error ? error.message : String(error)}\n\nYour data has not been changed. Ask your IT service desk, quoting this message.`);
      app.exit(1);
    });
}
