import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

/** What the File menu's database items do (database-session.ts does the work). */
export interface FileMenuActions {
  newDatabase(): void;
  openDatabase(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  showDatabaseFolder(): void;
  showBackupsFolder(): void;
}

/**
 * A plain menu: File (which database is open and changing it), standard edit and view roles
 * (copy/paste, zoom for low vision), no dev tools. Built as data so a test can read it.
 */
export function applicationMenuTemplate(options: {
  appName: string;
  platform: NodeJS.Platform;
  recent: readonly string[];
  actions: FileMenuActions;
}): MenuItemConstructorOptions[] {
  const { actions, recent } = options;
  const mac = options.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent databases', enabled: false }]
      : [
          ...recent.map((file) => ({ label: `${path.basename(file)} — ${path.dirname(file)}`, click: () => actions.openRecent(file) })),
          { type: 'separator' as const },
          { label: 'Clear the list', click: () => actions.clearRecent() },
        ];
  return [
    ...(mac ? [{ label: options.appName, submenu: [{ role: 'about' as const }, { type: 'separator' as const }, { role: 'quit' as const }] }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New database…', accelerator: 'CmdOrCtrl+N', click: () => actions.newDatabase() },
        { label: 'Open database…', accelerator: 'CmdOrCtrl+O', click: () => actions.openDatabase() },
        { label: 'Open recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Show database in folder', click: () => actions.showDatabaseFolder() },
        { label: 'Show backups folder', click: () => actions.showBackupsFolder() },
        { type: 'separator' },
        { role: mac ? 'close' : 'quit' },
      ],
    },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
  ];
}
