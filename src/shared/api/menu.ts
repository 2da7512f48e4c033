import { z } from 'zod';

/**
 * The views the View menu lists, in order: only views the page has. A feature adding a view (the
 * compare helper's Passages, Compare, Timeline) appends it here and handles `showView` with its
 * id in the page (src/renderer/src/hooks/useMenuCommands.ts); the menu follows.
 */
export const MENU_VIEWS: readonly MenuView[] = [
  { id: 'library', label: 'Library', accelerator: 'CmdOrCtrl+1' },
  { id: 'passages', label: 'Passages', accelerator: 'CmdOrCtrl+2' },
  { id: 'compare', label: 'Compare', accelerator: 'CmdOrCtrl+3' },
  { id: 'timeline', label: 'Timeline', accelerator: 'CmdOrCtrl+4' },
];

export interface MenuView {
  id: string;
  label: string;
  /** Electron accelerator syntax; CmdOrCtrl+1…9 in order, one each. */
  accelerator?: string;
}

/** Menu items that act in the page: main sends one of these to the focused window (IPC_MENU_CHANNEL). */
export const MenuCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('importArticles') }),
  z.object({ type: z.literal('importFolder') }),
  z.object({ type: z.literal('newNote') }),
  z.object({ type: z.literal('toggleNotes') }),
  z.object({ type: z.literal('showView'), view: z.string().max(40) }),
]);
export type MenuCommand = z.infer<typeof MenuCommand>;

/** What the page tells main of its view, so a reopened window shows the same article (IPC_VIEW_CHANNEL). */
export const WindowView = z.object({ sourceId: z.number().int().positive().nullable() }).strict();
export type WindowView = z.infer<typeof WindowView>;
