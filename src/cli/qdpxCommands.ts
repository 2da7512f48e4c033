import fs from 'node:fs';
import path from 'node:path';
import type { Library } from '../core/library';
import type { QdpxSummary } from '../core/qdpx/qdpxSummary';

/**
 * `marginalia export --qdpx FILE [--collection NAME]` and `marginalia import FILE.qdpx`: a
 * REFI-QDA project out of the library or into it (src/core/qdpx/). Both print what they did;
 * with --json, `{ "sources", "codes", "selections", "notes", "skipped": [{ "name", "reason" }] }`.
 */
export const QDPX_EXPORT_USAGE = `  export --qdpx FILE [--collection NAME]
                        the library as a REFI-QDA project (NVivo, MAXQDA, ATLAS.ti, QualCoder)`;

export interface QdpxIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const EXIT = { ok: 0, inputFailed: 1 } as const;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function report(verb: string, where: string, summary: QdpxSummary, json: boolean, io: QdpxIo): void {
  if (json) {
    io.out(JSON.stringify(summary, null, 2));
    return;
  }
  io.out(`${verb} ${plural(summary.sources, 'source')}, ${plural(summary.codes, 'code')}, ${plural(summary.selections, 'coded passage')} and ${plural(summary.notes, 'note')} ${where}.`);
  for (const { name, reason } of summary.skipped) io.out(`Skipped ${name}: ${reason}.`);
}

/** The REFI-QDA modules load only when used, like export's. */
const loadQdpx = async () => ({ ...(await import('../core/qdpx/exportQdpx')), ...(await import('../core/qdpx/importQdpx')) });

export async function runQdpxExport(library: Library, file: string, collection: string | undefined, json: boolean, io: QdpxIo): Promise<number> {
  const { exportQdpx } = await loadQdpx();
  try {
    const { archive, summary } = exportQdpx(library.db, { ...(collection !== undefined ? { collection } : {}) });
    const target = path.resolve(file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, archive);
    report('Exported', `to ${target}`, summary, json, io);
    return EXIT.ok;
  } catch (error) {
    io.err(`marginalia export: ${(error as Error).message}`);
    return EXIT.inputFailed;
  }
}

export async function runQdpxImport(library: Library, files: readonly string[], json: boolean, io: QdpxIo): Promise<number> {
  const { importQdpx } = await loadQdpx();
  let status: number = EXIT.ok;
  for (const file of files) {
    try {
      const summary = importQdpx(library.db, fs.readFileSync(file), path.basename(file));
      report('Imported', `from ${file}`, summary, json, io);
    } catch (error) {
      io.err(`marginalia import: ${file}: ${(error as Error).message}`);
      status = EXIT.inputFailed;
    }
  }
  return status;
}
