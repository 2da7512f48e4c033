// The application menu, as data: built here without Electron (only its types), so it is tested on
// Node (menuTemplate.test.ts); src/main/menu/installMenu.ts hands it to Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuView } from '../../shared/api/menu';

/** What menu items do outside the page. */
export interface MenuActions {
  /** Sends a command to the focused window's page (src/renderer/src/hooks/useMenuCommands.ts). */
  sendToPage(command: MenuCommand): void;
  newWindow(): void;
  exportAllNotes(): void;
  backUpNow(): void;
  showShortcuts(): void;
  showLibraryLocation(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** The views the page has (MENU_VIEWS), listed in the View menu in order. */
  views: readonly MenuView[];
  /** Reload and developer tools, for `npm run dev` and unpackaged runs only. */
  developer: boolean;
  actions: MenuActions;
}

/**
 * Keys the page handles itself (src/renderer/src/hooks/useShortcuts.ts, the search box, the
 * highlighter), in Electron's accelerator syntax. A menu item showing one of these does the page's
 * action and does not register the key (`registerAccelerator: false`), so one press acts once.
 */
export const PAGE_SHORTCUTS: readonly { accelerator: string; does: string }[] = [
  { accelerator: 'CmdOrCtrl+O', does: 'Import articles' },
  { accelerator: 'CmdOrCtrl+K', does: 'Search the library (in a note: add a link)' },
  { accelerator: 'CmdOrCtrl+Shift+H', does: 'Highlight the selected words (or H)' },
  { accelerator: 'Escape', does: 'Back to the library (or Alt+Left)' },
  { accelerator: 'CmdOrCtrl+Shift+L', does: 'Toggle notes: show or hide the notes column' },
];

const pageHandles = (accelerator: string) => PAGE_SHORTCUTS.some((shortcut) => shortcut.accelerator === accelerator);

export function menuTemplate({ platform, appName, views, developer, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const page = (command: MenuCommand) => () => actions.sendToPage(command);
  const item = (label: string, accelerator: string | undefined, click: () => void): MenuItemConstructorOptions =>
    accelerator === undefined ? { label, click } : { label, accelerator, click, ...(pageHandles(accelerator) ? { registerAccelerator: false } : {}) };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('Import Articles…', 'CmdOrCtrl+O', page({ type: 'importArticles' })),
      item('Import Folder…', 'CmdOrCtrl+Shift+O', page({ type: 'importFolder' })),
      { type: 'separator' },
      item('New Note', 'CmdOrCtrl+Shift+N', page({ type: 'newNote' })),
      item('New Window', 'CmdOrCtrl+N', actions.newWindow),
      { type: 'separator' },
      item('Export All Notes…', 'CmdOrCtrl+Shift+E', actions.exportAllNotes),
      item('Back Up Now', undefined, actions.backUpNow),
      { type: 'separator' },
      { role: 'close' },
      ...(mac ? [] : [{ role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []), { role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...views.map((shown) => item(shown.label, shown.accelerator, page({ type: 'showView', view: shown.id }))),
      { type: 'separator' },
      item('Toggle Notes', 'CmdOrCtrl+Shift+L', page({ type: 'toggleNotes' })),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(developer ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [item('Keyboard Shortcuts', 'CmdOrCtrl+/', actions.showShortcuts), item('Where the Library Lives', undefined, actions.showLibraryLocation)],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}

/** Electron's accelerator as the platform writes it ("Ctrl+Shift+O", "⌘⇧O"). */
export function acceleratorLabel(accelerator: string, platform: NodeJS.Platform): string {
  const parts = accelerator.split('+');
  if (platform !== 'darwin') return parts.map((part) => (part === 'CmdOrCtrl' ? 'Ctrl' : part)).join('+');
  const symbols: Record<string, string> = { CmdOrCtrl: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃', Escape: 'Esc' };
  return parts.map((part) => symbols[part] ?? part).join('');
}

/** Every shortcut, the menu's and the page's, as lines for Help → Keyboard Shortcuts. */
export function shortcutLines(template: readonly MenuItemConstructorOptions[], platform: NodeJS.Platform): string[] {
  const lines: string[] = [];
  const visit = (items: readonly MenuItemConstructorOptions[]) => {
    for (const entry of items) {
      if (Array.isArray(entry.submenu)) visit(entry.submenu);
      else if (typeof entry.accelerator === 'string' && entry.label && !pageHandles(entry.accelerator)) lines.push(`${acceleratorLabel(entry.accelerator, platform)}\t${entry.label.replace(/…$/, '')}`);
    }
  };
  visit(template);
  return [...PAGE_SHORTCUTS.map((shortcut) => `${acceleratorLabel(shortcut.accelerator, platform)}\t${shortcut.does}`), ...lines];
}
