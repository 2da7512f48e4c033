import { IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import type { LibraryEvent } from '../../shared/api/contract';

/** What fanOut needs of a window's page (Electron's WebContents). */
export interface EventReceiver {
  send(channel: string, event: LibraryEvent): void;
  isDestroyed(): boolean;
}

/** Sends each library event to every open window (each is a live client of the same library). */
export function fanOut(windows: () => readonly EventReceiver[]): (event: LibraryEvent) => void {
  return (event) => {
    for (const contents of windows()) if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
  };
}
