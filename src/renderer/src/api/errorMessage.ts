import { ApiError } from '../../../shared/api/errors';

/**
 * A schema report written for developers: zod's "✖ … → at patch.publishedAt" lines, or the
 * transport's own "Invalid request for updateSource:" and "updateSource failed:" prefixes.
 */
const SCHEMA_REPORT = /\s*✖[\s\S]*$/;
const DISPATCH_INVALID = /^Invalid request for \w+\b/;
const DISPATCH_INTERNAL = /^\w+ failed: /;

/** Where developer detail goes: the console, which Electron and the browser keep as the window's log. */
function log(doing: string, error: unknown): void {
  console.warn(`marginalia: could not ${doing}:`, error);
}

/**
 * The text to show a person for a failed operation. The library's own message when it wrote one
 * for a person (what happened, to which item, what to do); never a schema path or an operation's
 * name, which go to the log instead (issue 16).
 */
export function errorMessage(error: unknown, doing: string): string {
  if (error instanceof ApiError) {
    if (error.code === 'internal' || DISPATCH_INTERNAL.test(error.message)) {
      log(doing, error);
      return `Could not ${doing}: something went wrong inside Marginalia (the details are in its log). Try again; if it happens again, restart Marginalia.`;
    }
    if (error.code === 'invalid_request' && DISPATCH_INVALID.test(error.message)) {
      log(doing, error);
      return `Could not ${doing}: Marginalia did not accept what was sent. Check what you typed and try again.`;
    }
    if (SCHEMA_REPORT.test(error.message)) {
      log(doing, error);
      // What comes before the report is the sentence for a person ("annotations.json is not W3C Web Annotation JSON-LD …").
      const said = error.message.replace(SCHEMA_REPORT, '').replace(/[\s:]+$/, '');
      return said === '' ? `Could not ${doing}: what was given is not in a form Marginalia can read.` : `${said}.`;
    }
    return error.message;
  }
  // A bug in this window (TypeError and the like) says nothing a person can act on; what the
  // browser or the file system reports (a file that cannot be read) does.
  if (!(error instanceof Error) || error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError || error instanceof SyntaxError) {
    log(doing, error);
    return `Could not ${doing}: something went wrong in this window (the details are in its log). Try again; if it happens again, reload the window.`;
  }
  return `Could not ${doing}: ${error.message}`;
}

/** True when the library refused the request as malformed: the form's own checks then say which field. */
export function isRefusedRequest(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'invalid_request';
}
