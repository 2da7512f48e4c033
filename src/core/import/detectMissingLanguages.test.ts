import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { openDatabase } from '../db/openDatabase';
import { getSource } from '../sources';
import { detectMissingLanguages } from './detectMissingLanguages';
import { importFile } from './importFiles';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-languages-'));
  db = openDatabase(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function imported(name: string, text: string): Promise<number> {
  const result = await importFile(db, { name, bytes: Buffer.from(text) });
  return result.sourceId!;
}

describe('detectMissingLanguages', () => {
  it('gives sources imported without a language the one their text reads as, and leaves the rest', async () => {
    const armenian = await imported('hy.txt', 'Լաչինի միջանցքը շրջափակման մեջ է։ Բանակցությունները կշարունակվեն երեքշաբթի օրը։');
    const azerbaijani = await imported('az.txt', 'Xarici işlər naziri jurnalistlərə açıqlama verib. Danışıqlar çərşənbə axşamı davam edəcək.');
    const numbers = await imported('n.txt', '2023 — 17:39 — 42');
    const chosen = await imported('ru.txt', 'Блокада Лачинского коридора продолжается.');
    // As a library from before detection: no language anywhere, but one the researcher set.
    db.prepare('UPDATE sources SET language = NULL').run();
    db.prepare("UPDATE sources SET language = 'ru-RU' WHERE id = ?").run(chosen);

    expect(await detectMissingLanguages(db)).toEqual({ checked: 3, detected: 2 });
    expect([armenian, azerbaijani, numbers, chosen].map((id) => getSource(db, id).language)).toEqual(['hy', 'az', null, 'ru-RU']);
    expect(await detectMissingLanguages(db)).toEqual({ checked: 1, detected: 0 });
  });
});
