import { app } from 'electron';
import path from 'node:path';
import { parseDeepLink } from '../shared/text/deepLink';

const SCHEME = 'marginalia';

/** Makes this app the handler of marginalia:// links (in development, through the electron binary). */
export function registerDeepLinkProtocol(): void {
  const registered = process.defaultApp && process.argv.length >= 2 ? app.setAsDefaultProtocolClient(SCHEME, process.execPath, [path.resolve(process.argv[1]!)]) : app.setAsDefaultProtocolClient(SCHEME);
  // macOS needs the scheme in Info.plist (a packaged app); say so rather than fail silently.
  if (!registered) console.warn('marginalia: could not register as the handler of marginalia:// links on this system.');
}

/** The deep link among a launch's arguments, if there is a well-formed one (arguments are input). */
export function deepLinkArgument(argv: readonly string[]): string | null {
  return argv.find((arg) => parseDeepLink(arg) !== null) ?? null;
}

/** Links that arrive before the window can take them wait here, then go to the window in order. */
export class DeepLinkQueue {
  private waiting: string[] = [];
  private deliver: ((url: string) => void) | null = null;

  receive(url: string | null): void {
    if (url === null || parseDeepLink(url) === null) return;
    if (this.deliver) this.deliver(url);
    else this.waiting.push(url);
  }

  deliverTo(deliver: (url: string) => void): void {
    this.deliver = deliver;
    // Called once the window has loaded; the preload holds events until the page subscribes.
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach(deliver);
  }
}
