import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/api/menu';
import { onMenuCommand, reportView } from '../api/client';

/** What the page does for each desktop menu command; a command without an action here does nothing. */
export type MenuCommandActions = {
  [K in Exclude<MenuCommand['type'], 'showView'>]?: () => void;
} & {
  /** View → Library (and the views later features add to MENU_VIEWS), by id. */
  showView?: Record<string, (() => void) | undefined>;
};

/**
 * The desktop app's menu items that act in the page (src/main/menu/menuTemplate.ts), mapped to the
 * same actions as the page's own buttons and shortcuts (useShortcuts.ts). None acts while a modal
 * dialog is open, as the shortcuts do not. Also reports the open article, so a reopened window
 * shows it again. In the browser there is no such menu and this does nothing.
 */
export function useMenuCommands(actions: MenuCommandActions, isBlocked: () => boolean, openSourceId: number | null): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (isBlocked()) return;
        const action = command.type === 'showView' ? latest.current.showView?.[command.view] : latest.current[command.type];
        action?.();
      }),
    [isBlocked],
  );
  useEffect(() => reportView({ sourceId: openSourceId }), [openSourceId]);
}
