import type { MenuCommand } from '../../../shared/api/menu';

/** What the page does for each desktop menu command; a command without an action here does nothing. */
export type MenuCommandActions = {
  [K in Exclude<MenuCommand['type'], 'showView'>]?: () => void;
} & {
  /** View → Library (and the views later features add to MENU_VIEWS), by id. */
  showView?: Record<string, (() => void) | undefined>;
};

/** Runs the page's action for one command; false when the page has none for it (a view it does not have, an import while one runs). */
export function runMenuCommand(command: MenuCommand, actions: MenuCommandActions): boolean {
  const action = command.type === 'showView' ? actions.showView?.[command.view] : actions[command.type];
  action?.();
  return action !== undefined;
}
