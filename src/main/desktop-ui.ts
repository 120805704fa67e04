import path from 'node:path';
import { app, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { DATABASE_FILE_NAME } from '../core/paths';
import type { DesktopUi } from './database-session';

// Electron's message boxes, file pickers and shell behind database-session.ts's DesktopUi. Only
// glue: the wording and the choices come from start-failure.ts.

const DATABASE_FILTERS = [
  { name: 'Estates database', extensions: ['sqlite', 'db'] },
  { name: 'All files', extensions: ['*'] },
];

export function electronDesktopUi(options: { window: () => BrowserWindow | null; changed: () => void }): DesktopUi {
  const show = (box: MessageBoxOptions) => {
    const window = options.window();
    return window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box);
  };
  return {
    async ask(prompt) {
      const quit = prompt.choices.findIndex((c) => c.action === 'quit');
      const { response } = await show({
        type: prompt.kind,
        title: prompt.title,
        message: prompt.message,
        detail: prompt.detail,
        buttons: prompt.choices.map((c) => c.label),
        defaultId: 0,
        cancelId: quit >= 0 ? quit : prompt.choices.length - 1,
        noLink: true,
      });
      return prompt.choices[response]!.action;
    },
    async tell(notice) {
      await show({ type: notice.kind, title: notice.title, message: notice.message, detail: notice.detail, buttons: ['OK'], noLink: true });
    },
    async pickExisting() {
      const window = options.window();
      const choice = { title: 'Open database', properties: ['openFile' as const], filters: DATABASE_FILTERS };
      const result = window ? await dialog.showOpenDialog(window, choice) : await dialog.showOpenDialog(choice);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickNew() {
      const window = options.window();
      const choice = { title: 'New database', defaultPath: path.join(app.getPath('documents'), DATABASE_FILE_NAME), filters: DATABASE_FILTERS.slice(0, 1) };
      const result = window ? await dialog.showSaveDialog(window, choice) : await dialog.showSaveDialog(choice);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async showFolder(folder) {
      const problem = await shell.openPath(folder);
      if (problem) await this.tell({ kind: 'warning', title: 'The folder could not be opened', message: 'The folder could not be opened.', detail: `${folder}\n\n${problem}` });
    },
    showFile(file) {
      shell.showItemInFolder(file);
    },
    changed: options.changed,
  };
}
