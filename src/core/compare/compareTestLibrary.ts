import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/db';
import { createHighlight } from '../highlights/highlights';
import { importFiles } from '../import/importFiles';
import { Library } from '../library';

const SAMPLES = path.resolve(import.meta.dirname, '../../../resources/samples');

/** Test support: a real library file in a temp directory, every migration applied. */
export function openCompareTestLibrary(): { library: Library; db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-compare-'));
  const file = path.join(dir, 'library.sqlite');
  const library = Library.open(file);
  return {
    library,
    db: library.db,
    file,
    cleanup: () => {
      library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports the five sample articles; returns their source ids by file order (000 … 004). */
export async function importSamples(db: Db): Promise<number[]> {
  const names = fs.readdirSync(SAMPLES).filter((name) => name.endsWith('.txt')).sort();
  const results = await importFiles(db, names.map((name) => ({ name, bytes: fs.readFileSync(path.join(SAMPLES, name)) })));
  return results.map((result) => result.sourceId!);
}

/** Highlights the first occurrence of `words` in a source, with these codes. */
export function highlightWords(db: Db, sourceId: number, words: string, codes: string[] = [], color: 'yellow' | 'red' | 'green' | 'blue' | 'purple' = 'yellow') {
  const body = db.prepare('SELECT body FROM sources WHERE id = ?').pluck().get(sourceId) as string;
  const start = body.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in source ${sourceId}`);
  return createHighlight(db, { sourceId, start, end: start + words.length, tags: codes, color });
}
