import { listNotes } from '../core/notes/notes';
import type { Library } from '../core/library';
import { formatTable } from './format';

/**
 * `marginalia notes`: the notes, most recently edited first. `--json` gives
 * `[{ id, title, updatedAt, citationCount }]` (later versions may add fields, never remove them).
 */
export function runNotes(library: Library, json: boolean, out: (text: string) => void): void {
  const notes = listNotes(library.db).map(({ id, title, updatedAt, citationCount }) => ({ id, title, updatedAt, citationCount }));
  if (json) out(JSON.stringify(notes, null, 2));
  else if (notes.length === 0) out(`There are no notes in ${library.path} yet. Write one in the app (\`npm start\` or \`marginalia serve\`).`);
  else out(formatTable(['ID', 'UPDATED (UTC)', 'CITATIONS', 'TITLE'], notes.map((note) => [note.id, note.updatedAt.slice(0, 16).replace('T', ' '), note.citationCount, note.title])));
}
