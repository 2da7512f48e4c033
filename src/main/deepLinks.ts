import { app } from 'electron';
import path from 'node:path';
import { parseDeepLink } from '../shared/text/deepLink';

const SCHEME = 'marginalia';

/** Makes this app the handler of marginalia:// links (in development, through the electron binary). */
export function registerDeepLinkProtocol(): void {
  if (process.defaultApp && process.argv.length >= 2) app.setAsDefaultProtocolClient(SCHEME, process.execPath, [path.resolve(process.argv[1]!)]);
  else app.setAsDefaultProtocolClient(SCHEME);
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
    // Called once the window has loaded; React subscribes in an effect just after, so wait a moment.
    const waiting = this.waiting;
    this.waiting = [];
    setTimeout(() => waiting.forEach(deliver), 500);
  }
}
