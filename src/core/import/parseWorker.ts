/**
 * The import parser's worker thread (started by parseInWorker.ts): HTML through Readability on
 * linkedom, PDF through pdf.js, Markdown front matter, text decoding and compressing the original
 * bytes all run here, so the thread
 * serving requests (the browser host, the app's main process) never waits for a heavy file.
 *
 * Bundled as its own file for the app (src/main/index.ts imports it with `?modulePath`); run through
 * tsx from the sources everywhere else.
 */
import { parentPort } from 'node:worker_threads';
import { ImportRefused } from './decodeText';
import { whenDetectorLoads } from './detectLanguage';
import { parseFile } from './parseFile';
import { compressOriginal } from '../originalBytes';
import { foldSourceText } from '../search/sourceFold';
import type { ParseWorkerReply, ParseWorkerRequest } from './parseWorkerProtocol';

const port = parentPort;
if (!port) throw new Error('parseWorker.ts runs as a worker thread (see parseInWorker.ts), not on its own.');

// Several files are handed over at once (parseInWorker.ts): each is parsed after the one before is
// answered, so a PDF's awaits never interleave two files and the time limit counts one file.
async function answer({ seq, name, bytes }: ParseWorkerRequest): Promise<void> {
  try {
    const parsed = await parseFile({ name, bytes });
    // The original is compressed here too, against the body it will be stored beside, and the text
    // folded as the search index holds it: both off the thread that stores.
    port!.postMessage({ seq, parsed: { ...parsed, storedOriginal: compressOriginal(bytes, parsed.body), searchText: foldSourceText(parsed) } } satisfies ParseWorkerReply);
  } catch (error) {
    port!.postMessage((error instanceof ImportRefused ? { seq, refused: error.message } : { seq, error: error instanceof Error ? error.message : String(error) }) satisfies ParseWorkerReply);
  }
}
// Never rejected, so one file's failure cannot stop the files after it.
let previous: Promise<void> = Promise.resolve();
port.on('message', (request: ParseWorkerRequest) => {
  previous = previous.then(() => answer(request)).catch(() => undefined);
});
// Ready now that the parsers are loaded. The language detector loads with the first file that
// needs it: meanwhile the thread says it is not ready, which stops that file's clock (workerQueue.ts),
// so the loading is not counted against its time limit.
whenDetectorLoads((loading) => port.postMessage({ ready: !loading } satisfies ParseWorkerReply));
port.postMessage({ ready: true } satisfies ParseWorkerReply);
