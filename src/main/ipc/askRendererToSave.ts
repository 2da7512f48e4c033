import type { IpcMainEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import { IPC_SAVE_BEFORE_CLOSE_CHANNEL, IPC_SAVED_BEFORE_CLOSE_CHANNEL } from '../../shared/api/bridge';

let lastRequest = 0;

/**
 * Asks the page in `contents` to save what is being typed (the preload runs the page's
 * onSaveBeforeClose) and resolves when it answers, or at once when there is no page to ask.
 * Only that page's top frame answering this request's id counts. Bound in time by the caller.
 */
export function askRendererToSave(contents: WebContents): Promise<void> {
  if (contents.isDestroyed() || contents.isCrashed()) return Promise.resolve();
  const id = ++lastRequest;
  return new Promise<void>((resolve) => {
    const done = () => {
      ipcMain.removeListener(IPC_SAVED_BEFORE_CLOSE_CHANNEL, onSaved);
      contents.removeListener('destroyed', done);
      contents.removeListener('render-process-gone', done);
      resolve();
    };
    const onSaved = (event: IpcMainEvent, answer: unknown) => {
      if (event.sender === contents && event.senderFrame === contents.mainFrame && answer === id) done();
    };
    ipcMain.on(IPC_SAVED_BEFORE_CLOSE_CHANNEL, onSaved);
    contents.once('destroyed', done);
    contents.once('render-process-gone', done);
    contents.send(IPC_SAVE_BEFORE_CLOSE_CHANNEL, id);
  });
}
