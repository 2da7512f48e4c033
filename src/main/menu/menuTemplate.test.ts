import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/api/menu';
import { MENU_VIEWS } from '../../shared/api/menu';
import type { MenuActions } from './menuTemplate';
import { acceleratorLabel, menuTemplate, PAGE_SHORTCUTS, shortcutLines } from './menuTemplate';

function fakeActions() {
  const sent: MenuCommand[] = [];
  const actions: MenuActions = {
    sendToPage: (command) => sent.push(command),
    newWindow: vi.fn(),
    exportAllNotes: vi.fn(),
    backUpNow: vi.fn(),
    showShortcuts: vi.fn(),
    showLibraryLocation: vi.fn(),
  };
  return { actions, sent };
}

const build = (platform: NodeJS.Platform, options: { views?: typeof MENU_VIEWS; developer?: boolean } = {}) => {
  const fake = fakeActions();
  return { ...fake, template: menuTemplate({ platform, appName: 'Marginalia', views: options.views ?? MENU_VIEWS, developer: options.developer ?? false, actions: fake.actions }) };
};

const submenu = (template: MenuItemConstructorOptions[], label: string) => {
  const menu = template.find((entry) => entry.label?.replace('&', '') === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
};
const names = (items: MenuItemConstructorOptions[]) => items.filter((entry) => entry.type !== 'separator').map((entry) => entry.label ?? entry.role);
const click = (items: MenuItemConstructorOptions[], label: string) => (items.find((entry) => entry.label === label)?.click as () => void)();
const allItems = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.flatMap((entry) => [entry, ...(Array.isArray(entry.submenu) ? allItems(entry.submenu) : [])]);

/** Keys Electron's roles take by default, and the editor's own (Lexical): no menu item may reuse them. */
const TAKEN = ['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y', 'CmdOrCtrl+X', 'CmdOrCtrl+C', 'CmdOrCtrl+V', 'CmdOrCtrl+A', 'CmdOrCtrl+W', 'CmdOrCtrl+Q', 'CmdOrCtrl+0', 'CmdOrCtrl+Plus', 'CmdOrCtrl+-', 'F11', 'CmdOrCtrl+R', 'CmdOrCtrl+Shift+I', 'CmdOrCtrl+H', 'CmdOrCtrl+Alt+H', 'CmdOrCtrl+B', 'CmdOrCtrl+I', 'CmdOrCtrl+U', 'CmdOrCtrl+M'];

describe('the application menu on Linux and Windows', () => {
  it('has File, Edit, View and Help, with the items a desktop user expects', () => {
    const { template } = build('linux');
    expect(template.map((entry) => entry.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(names(submenu(template, 'File'))).toEqual(['Import Articles…', 'Import Folder…', 'New Note', 'New Window', 'Export All Notes…', 'Back Up Now', 'close', 'quit']);
    expect(names(submenu(template, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(names(submenu(template, 'View'))).toEqual(['Library', 'Passages', 'Compare', 'Timeline', 'Toggle Notes', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(names(submenu(template, 'Help'))).toEqual(['Keyboard Shortcuts', 'Where the Library Lives']);
  });

  it('sends page commands to the page and does the rest in main', () => {
    const { template, sent, actions } = build('win32');
    click(submenu(template, 'File'), 'Import Articles…');
    click(submenu(template, 'File'), 'Import Folder…');
    click(submenu(template, 'File'), 'New Note');
    click(submenu(template, 'View'), 'Library');
    click(submenu(template, 'View'), 'Toggle Notes');
    expect(sent).toEqual([{ type: 'importArticles' }, { type: 'importFolder' }, { type: 'newNote' }, { type: 'showView', view: 'library' }, { type: 'toggleNotes' }]);
    click(submenu(template, 'File'), 'New Window');
    click(submenu(template, 'File'), 'Export All Notes…');
    click(submenu(template, 'File'), 'Back Up Now');
    click(submenu(template, 'Help'), 'Where the Library Lives');
    expect([actions.newWindow, actions.exportAllNotes, actions.backUpNow, actions.showLibraryLocation].map((action) => vi.mocked(action).mock.calls.length)).toEqual([1, 1, 1, 1]);
  });

  it('gives New Window Ctrl/Cmd+N and Import Articles the page’s own Ctrl/Cmd+O, which the page keeps handling', () => {
    const file = submenu(build('linux').template, 'File');
    expect(file.find((entry) => entry.label === 'New Window')).toMatchObject({ accelerator: 'CmdOrCtrl+N' });
    expect(file.find((entry) => entry.label === 'Import Articles…')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false });
  });

  it('uses every key once, never a key of the editor or of a standard role, and a page key only for the page’s own action', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const items = allItems(build(platform, { developer: true }).template).filter((entry) => typeof entry.accelerator === 'string');
      const keys = items.map((entry) => entry.accelerator as string);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(TAKEN).not.toContain(key);
      for (const entry of items.filter((candidate) => PAGE_SHORTCUTS.some((shortcut) => shortcut.accelerator === candidate.accelerator))) {
        expect(entry.registerAccelerator).toBe(false);
        const shortcut = PAGE_SHORTCUTS.find((candidate) => candidate.accelerator === entry.accelerator)!;
        expect(shortcut.does.toLowerCase()).toContain(entry.label!.replace('…', '').toLowerCase());
      }
    }
  });

  it('lists the views it is given, in order (a view added to MENU_VIEWS appears with its key)', () => {
    const views = [{ id: 'library', label: 'Library', accelerator: 'CmdOrCtrl+1' }, { id: 'compare', label: 'Compare', accelerator: 'CmdOrCtrl+3' }, { id: 'timeline', label: 'Timeline' }];
    const { template, sent } = build('linux', { views });
    const view = submenu(template, 'View');
    expect(names(view).slice(0, 3)).toEqual(['Library', 'Compare', 'Timeline']);
    expect(view.find((entry) => entry.label === 'Compare')).toMatchObject({ accelerator: 'CmdOrCtrl+3' });
    click(view, 'Timeline');
    expect(sent).toEqual([{ type: 'showView', view: 'timeline' }]);
  });

  it('offers reload and developer tools only in development', () => {
    expect(names(submenu(build('linux').template, 'View'))).not.toContain('toggleDevTools');
    expect(names(submenu(build('linux', { developer: true }).template, 'View'))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('the application menu on macOS', () => {
  it('opens with the standard app menu (Quit there, not in File) and has a Window menu', () => {
    const { template } = build('darwin');
    expect(template.map((entry) => entry.label ?? entry.role)).toEqual(['Marginalia', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
    expect(names(submenu(template, 'Marginalia'))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(names(submenu(template, 'File'))).not.toContain('quit');
    expect(names(submenu(template, 'Edit'))).toContain('pasteAndMatchStyle');
  });
});

describe('Help → Keyboard Shortcuts', () => {
  it('lists the page’s keys and the menu’s, written as the platform writes them', () => {
    const linux = shortcutLines(build('linux').template, 'linux');
    expect(linux).toContain('Ctrl+O\tImport articles');
    expect(linux).toContain('Ctrl+N\tNew Window');
    expect(linux).toContain('Ctrl+Shift+O\tImport Folder');
    expect(linux.filter((line) => line.startsWith('Ctrl+O\t'))).toHaveLength(1);
    expect(shortcutLines(build('darwin').template, 'darwin')).toContain('⌘⇧N\tNew Note');
    expect(acceleratorLabel('Escape', 'darwin')).toBe('Esc');
  });
});
