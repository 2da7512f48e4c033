import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryEvent } from '../../shared/api/contract';
import type { TestLibrary } from '../../../tests/support/library';
import { addSource, openTestLibrary } from '../../../tests/support/library';
import { createHandlers } from '../handlers';
import { Library } from '../library';
import { getSource } from '../sources';
import { hasTaskRun, LANGUAGE_BACKFILL_TASK, startLanguageBackfill } from './languageBackfill';

const ARMENIAN = { title: 'Լաչինի միջանցքը', body: 'Լաչինի միջանցքը շրջափակման մեջ է։ Բանակցությունները կշարունակվեն երեքշաբթի օրը։' };
const AZERBAIJANI = { title: 'Laçın yolu', body: 'Xarici işlər naziri jurnalistlərə açıqlama verib. Danışıqlar çərşənbə axşamı davam edəcək.' };

let lib: TestLibrary;
beforeEach(() => (lib = openTestLibrary()));
afterEach(() => lib.cleanup());

describe('the background language backfill (issue 14)', () => {
  it('gives every older source its language in batches, announces them, and records that it ran', async () => {
    // 45 sources from before detection: three batches of the background's 20.
    const ids = Array.from({ length: 45 }, (_, n) => addSource(lib.db, n % 2 === 0 ? ARMENIAN : AZERBAIJANI));
    const events: LibraryEvent[] = [];
    await startLanguageBackfill(lib.db, { emit: (event) => events.push(event) }).done;

    expect(ids.map((id) => getSource(lib.db, id).language)).toEqual(ids.map((_, n) => (n % 2 === 0 ? 'hy' : 'az')));
    const announced = events.flatMap((event) => (event.type === 'libraryChanged' ? event.changes.flatMap((change) => (change.kind === 'sources' ? (change.ids ?? []) : [])) : []));
    expect(events).toHaveLength(3);
    expect(announced.sort((a, b) => a - b)).toEqual(ids);
    expect(hasTaskRun(lib.db, LANGUAGE_BACKFILL_TASK)).toBe(true);
  });

  it('runs once per library: a later open leaves a source without a language as it is', async () => {
    await startLanguageBackfill(lib.db).done;
    const later = addSource(lib.db, ARMENIAN);
    await startLanguageBackfill(lib.db).done;
    expect(getSource(lib.db, later).language).toBeNull();
  });

  it('stopped part way (the app closing), keeps what it did, is not recorded, and goes on at the next open', async () => {
    const ids = Array.from({ length: 60 }, () => addSource(lib.db, ARMENIAN));
    const task = startLanguageBackfill(lib.db, { emit: () => void task.stop() });
    await task.done;
    const languages = ids.map((id) => getSource(lib.db, id).language);
    expect(languages.filter((language) => language === 'hy')).toHaveLength(20);
    expect(hasTaskRun(lib.db, LANGUAGE_BACKFILL_TASK)).toBe(false);

    await startLanguageBackfill(lib.db).done;
    expect(ids.every((id) => getSource(lib.db, id).language === 'hy')).toBe(true);
    expect(hasTaskRun(lib.db, LANGUAGE_BACKFILL_TASK)).toBe(true);
  });

  it('leaves a read-only library alone', async () => {
    const id = addSource(lib.db, ARMENIAN);
    const readOnly = Library.open(lib.file, { readonly: true });
    try {
      await startLanguageBackfill(readOnly.db).done;
    } finally {
      readOnly.close();
    }
    expect(getSource(lib.db, id).language).toBeNull();
    expect(hasTaskRun(lib.db, LANGUAGE_BACKFILL_TASK)).toBe(false);
  });

  it('is started by the handlers the app and the browser host open a library with, and not by others', async () => {
    const id = addSource(lib.db, AZERBAIJANI);
    const plain = createHandlers(lib.library);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getSource(lib.db, id).language).toBeNull();
    await plain.close();

    const events: LibraryEvent[] = [];
    const app = createHandlers(lib.library, { backfillLanguages: true, emit: (event) => events.push(event) });
    // Requests are answered while it runs.
    expect((await app.getSource({ id })).id).toBe(id);
    // It starts with the handlers' threads (shortly after the open, not on the start path) and
    // once the integrity check has passed, since it writes.
    await vi.waitFor(() => expect(getSource(lib.db, id).language).toBe('az'), { timeout: 15_000 });
    await app.close();
    expect(events).toContainEqual({ type: 'libraryChanged', operation: 'detectLanguages', changes: [{ kind: 'sources', ids: [id] }] });
  });
});
