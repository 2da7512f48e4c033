import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { app, dialog, Menu, shell } from 'electron';
import { IPC_MENU_CHANNEL } from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/bridge';
import { MENU_VIEWS } from '../../shared/api/menu';
import type { WindowManager } from '../windows/windowManager';
import { menuTemplate, shortcutLines } from './menuTemplate';

export interface MenuContext {
  windows: WindowManager;
  /** The library process's dispatch (libraryProcess/libraryClient.ts). */
  call: (operation: string, payload: unknown) => Promise<Envelope>;
  libraryPath: string;
}

/** The application menu (menuTemplate.ts), with what its items do outside the page. */
export function installMenu({ windows, call, libraryPath }: MenuContext): void {
  const tell = (options: MessageBoxOptions) => {
    const parent = windows.focused();
    return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  };
  const fail = (title: string, error: unknown) => void tell({ type: 'error', message: title, detail: error instanceof Error ? error.message : String(error) });
  const template = menuTemplate({
    platform: process.platform,
    appName: app.name,
    views: MENU_VIEWS,
    developer: !app.isPackaged,
    actions: {
      sendToPage: (command) => windows.focused()?.webContents.send(IPC_MENU_CHANNEL, command),
      newWindow: () => void windows.openNew().catch((error: unknown) => fail('A new window could not be opened.', error)),
      exportAllNotes: () => void exportEveryNote(windows.focused(), call, tell).catch((error: unknown) => fail('The notes were not exported.', error)),
      backUpNow: () =>
        void call('backupNow', {}).then((result) =>
          result.ok ? tell({ type: 'info', message: 'The library is backed up.', detail: `${(result.value as { name: string }).name}, checked and kept with the newest 10 (Backups lists them).` }) : fail('The library was not backed up.', new Error(result.error.message)),
        ),
      showShortcuts: () => void tell({ type: 'info', message: 'Keyboard shortcuts', detail: shortcutLines(template, process.platform).join('\n') }),
      showLibraryLocation: () =>
        void tell({ type: 'info', message: 'Where the library lives', detail: `${libraryPath}\n\nOne SQLite file; its backups are in the backups folder beside it.`, buttons: ['Show in Folder', 'OK'], defaultId: 1, cancelId: 1 }).then(({ response }) => {
          if (response === 0) shell.showItemInFolder(libraryPath);
        }),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** File → Export All Notes: every note as Markdown into a chosen folder, as `marginalia export --all` does. */
async function exportEveryNote(parent: BrowserWindow | null, call: MenuContext['call'], tell: (options: MessageBoxOptions) => Promise<unknown>): Promise<void> {
  const options = { title: 'Export all notes into…', buttonLabel: 'Export here', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const chosen = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const folder = chosen.filePaths[0];
  if (chosen.canceled || !folder) return;
  const answer = await call('shell:exportAllNotes', { folder });
  if (!answer.ok) throw new Error(answer.error.message);
  const result = answer.value as { folder: string; files: { noteId: number | null }[] };
  const notes = result.files.filter((file) => file.noteId !== null).length;
  await tell({ type: 'info', message: `${notes} ${notes === 1 ? 'note' : 'notes'} exported.`, detail: `Into ${result.folder}, with bibliography.json and bibliography.bib.` });
}
