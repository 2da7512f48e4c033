import { useEffect, useRef } from 'react';
import type { MenuCommandActions } from './runMenuCommand';
import { runMenuCommand } from './runMenuCommand';
import { onMenuCommand, reportView } from '../api/client';

export type { MenuCommandActions } from './runMenuCommand';

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
        if (!isBlocked()) runMenuCommand(command, latest.current);
      }),
    [isBlocked],
  );
  useEffect(() => reportView({ sourceId: openSourceId }), [openSourceId]);
}
