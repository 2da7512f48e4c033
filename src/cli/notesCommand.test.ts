import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNote, saveNote } from '../core/notes/notes';
import { citation, editorStateJson, paragraph, text } from '../shared/notes/testStates';
import { main } from './main';
import { addSource, openTestLibrary, type TestLibrary } from '../../tests/support/library';

let library: TestLibrary;
beforeEach(() => {
  library = openTestLibrary();
  vi.stubEnv('MARGINALIA_LIBRARY', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  library.cleanup();
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['--library', library.file, ...argv], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Two notes written through core, the second edited last; the library file is then closed for the CLI. */
function writeNotes(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  const { db } = library;
  const source = addSource(db, { title: 'The sending of UN peacekeepers', outlet: 'AzerNews', publishedAt: '2023-01-11' });
  vi.setSystemTime(new Date('2023-02-01T09:30:00Z'));
  const cited = createNote(db, { title: 'Peacekeepers' });
  saveNote(db, cited.id, { editorState: editorStateJson(paragraph(text('Baku says '), citation(source, null), text(' and '), citation(source, null))) });
  vi.setSystemTime(new Date('2023-02-02T18:05:00Z'));
  createNote(db, { title: 'Ideas, unsorted' });
  db.close();
}

describe('marginalia notes', () => {
  it('--json gives id, title, updatedAt and citationCount, most recently edited first', async () => {
    writeNotes();
    const { code, out, err } = await run('notes', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { id: 2, title: 'Ideas, unsorted', updatedAt: '2023-02-02T18:05:00.000Z', citationCount: 0 },
      { id: 1, title: 'Peacekeepers', updatedAt: '2023-02-01T09:30:00.000Z', citationCount: 2 },
    ]);
  });

  it('prints an aligned table', async () => {
    writeNotes();
    const { code, out } = await run('notes');
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'ID  UPDATED (UTC)     CITATIONS  TITLE',
      '2   2023-02-02 18:05  0          Ideas, unsorted',
      '1   2023-02-01 09:30  2          Peacekeepers',
    ]);
  });

  it('says where to write one when there are none', async () => {
    library.db.close();
    const { code, out } = await run('notes');
    expect(code).toBe(0);
    expect(out).toBe(`There are no notes in ${library.file} yet. Write one in the app (\`npm start\` or \`marginalia serve\`).`);
    expect(JSON.parse((await run('notes', '--json')).out)).toEqual([]);
  });

  it('takes no arguments', async () => {
    library.db.close();
    const { code, err } = await run('notes', '3');
    expect(code).toBe(2);
    expect(err).toMatch(/^marginalia notes: takes no arguments, got "3"\./);
  });
});
