import type { Session, WebContents } from 'electron';
import { shell } from 'electron';
import { contentSecurityPolicy, isExternalLinkAllowed, isRequestAllowed } from './origins';

export { APP_ORIGIN, APP_SCHEME, contentSecurityPolicy, isExternalLinkAllowed, isOwnOrigin } from './origins';

export function hardenSession(session: Session, devServer: string | undefined): void {
  const policy = contentSecurityPolicy(devServer);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  // No remote content: the renderer is local, and articles are text.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, devServer) }));
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
