/**
 * Why a file's bytes could not become text; the message names the file and says what to do. In a
 * module of its own, so the parse worker's client (parseInWorker.ts) knows it without loading the
 * decoders (chardet, iconv-lite) on the host's start path.
 */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}
