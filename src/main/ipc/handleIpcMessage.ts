import type { Handlers, LibraryEvent } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/bridge';
import { dispatch } from '../../core/dispatch';
import { WindowView } from '../../shared/api/menu';
import { isOwnOrigin } from '../origins';

/** What main knows of the frame that sent an IPC message (taken from Electron's event). */
export interface IpcSender {
  frameUrl: string | null;
  isMainFrame: boolean;
  isOurWindow: boolean;
}

/** True for the top frame of a window we opened, showing our renderer. */
export function isTrustedSender(sender: IpcSender, devServerUrl: string | undefined): boolean {
  return sender.frameUrl !== null && sender.isMainFrame && sender.isOurWindow && isOwnOrigin(sender.frameUrl, devServerUrl);
}

/**
 * One IPC message, start to end, without Electron: the sender is checked (our origin, top frame,
 * a window we opened), then the request goes through the same validating dispatch as HTTP.
 * `devServerUrl` is origins.ts's devServerUrl(): undefined in a built app.
 */
export async function handleIpcMessage(handlers: Handlers, operation: string, sender: IpcSender, payload: unknown, emit?: (event: LibraryEvent) => void, devServerUrl?: string): Promise<Envelope> {
  return handleIpcRequest((name, request) => dispatch(handlers, name, request, emit), operation, sender, payload, devServerUrl);
}

/** The same, with the dispatch done elsewhere: in the app, by the library process (libraryProcess/). */
export async function handleIpcRequest(call: (operation: string, payload: unknown) => Promise<Envelope>, operation: string, sender: IpcSender, payload: unknown, devServerUrl?: string): Promise<Envelope> {
  if (!isTrustedSender(sender, devServerUrl)) {
    console.warn(`marginalia: refused ${operation} from ${sender.frameUrl ?? 'an unknown frame'}`);
    return { ok: false, error: { code: 'invalid_request', message: 'Refused: this request did not come from the Marginalia window.' } };
  }
  return call(operation, payload);
}

/** A page's report of its view (IPC_VIEW_CHANNEL): the view when the sender is ours and the report well-formed, else null. */
export function acceptViewReport(sender: IpcSender, payload: unknown, devServerUrl: string | undefined): WindowView | null {
  if (!isTrustedSender(sender, devServerUrl)) return null;
  const parsed = WindowView.safeParse(payload);
  return parsed.success ? parsed.data : null;
}
