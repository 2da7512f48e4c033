import type { Api, LibraryEvent, OperationName } from '../../../shared/api/contract';
import { operationNames } from '../../../shared/api/contract';
import type { Envelope, PreloadBridge } from '../../../shared/api/bridge';
import { ApiError } from '../../../shared/api/errors';
import type { WindowView } from '../../../shared/api/menu';
import { MenuCommand } from '../../../shared/api/menu';

declare global {
  interface Window {
    marginalia?: PreloadBridge;
  }
}

/** Told when the event stream came back after a break (browser mode): whoever keeps state from events re-syncs. */
const reconnectListeners = new Set<() => void>();

export function onLibraryReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => {
    reconnectListeners.delete(listener);
  };
}

type Call = (operation: OperationName, request: unknown) => Promise<Envelope>;
type Subscribe = (listener: (event: LibraryEvent) => void) => () => void;

/** The access token of the browser host, handed over in the URL fragment (never sent to a server log). */
function hostToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) sessionStorage.setItem('marginalia-token', fromHash);
  return fromHash ?? sessionStorage.getItem('marginalia-token') ?? '';
}

/** Requests a closing tab must not cut off (issue 12): a note's text and title. */
const OUTLIVES_PAGE: ReadonlySet<OperationName> = new Set(['applyNoteUpdate', 'renameNote']);

function httpTransport(): { call: Call; subscribe: Subscribe } {
  const token = hostToken();
  const call: Call = async (operation, request) => {
    let response: Response;
    const requestBody = JSON.stringify(request ?? {});
    try {
      response = await fetch(`/api/${operation}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: requestBody,
        // A note's last words, sent as its tab closes, still arrive (the browser caps such bodies at 64 KB).
        keepalive: OUTLIVES_PAGE.has(operation) && requestBody.length < 60_000,
      });
    } catch {
      return { ok: false, error: { code: 'unavailable', message: 'The Marginalia server is not reachable. Is `npm start` or `marginalia serve` still running?' } };
    }
    const body = (await response.json().catch(() => null)) as { value?: unknown; error?: Envelope & { ok: false } } | null;
    if (response.ok && body && 'value' in body) return { ok: true, value: body.value };
    const error = (body?.error as unknown as { code: string; message: string } | undefined) ?? { code: 'internal', message: `The server answered ${response.status}.` };
    return { ok: false, error: error as Extract<Envelope, { ok: false }>['error'] };
  };
  const subscribe: Subscribe = (listener) => {
    const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => listener(JSON.parse(message.data as string) as LibraryEvent);
    // EventSource reconnects by itself; events sent while it was away are lost, so say it reconnected.
    let opened = false;
    source.onopen = () => {
      if (opened) for (const reconnected of reconnectListeners) reconnected();
      opened = true;
    };
    return () => source.close();
  };
  return { call, subscribe };
}

function preloadTransport(bridge: PreloadBridge): { call: Call; subscribe: Subscribe } {
  return { call: (operation, request) => bridge[operation](request), subscribe: (listener) => bridge.on(listener) };
}

/** Picks the transport once: the preload bridge inside Electron, the browser host otherwise. */
function createApi(): { api: Api; onLibraryEvent: Subscribe; transport: 'electron' | 'browser' } {
  const transport = window.marginalia ? preloadTransport(window.marginalia) : httpTransport();
  const api = Object.fromEntries(
    operationNames.map((operation) => [
      operation,
      async (request: unknown) => {
        const envelope = await transport.call(operation, request);
        if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
        return envelope.value;
      },
    ]),
  ) as Api;
  return { api, onLibraryEvent: transport.subscribe, transport: window.marginalia ? 'electron' : 'browser' };
}

export const { api, onLibraryEvent, transport } = createApi();

/**
 * In the desktop app, `save` runs before the window closes (main waits for it, briefly). The
 * browser has no such hook: there the page's beforeunload and pagehide flushes are what there is.
 */
export function onSaveBeforeClose(save: () => Promise<void>): () => void {
  return window.marginalia?.onSaveBeforeClose(save) ?? (() => undefined);
}

/** The desktop app's menu commands for this page, validated (nothing in the browser, which has no such menu). */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return (
    window.marginalia?.onMenuCommand((command) => {
      const parsed = MenuCommand.safeParse(command);
      if (parsed.success) listener(parsed.data);
    }) ?? (() => undefined)
  );
}

/** Tells the desktop app which article this window shows, so the window reopens on it. */
export function reportView(view: WindowView): void {
  window.marginalia?.reportView(view);
}
