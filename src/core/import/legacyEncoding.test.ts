import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { getSource, readOriginal } from '../sources';
import { decodeText } from './decodeText';
import { importFile } from './importFiles';
import { openTestLibrary } from '../../../tests/support/library';
import { fixture } from '../../../tests/fixtures/import/importFixtures';

// The fixtures were written by glibc's iconv from these texts, so the decoder is checked against
// an encoder that is not its own.
const RUSSIAN = `Переговоры о Лачинском коридоре

Представители Армении и Азербайджана встретились в Брюсселе в понедельник, впервые после того как в декабре была перекрыта дорога через Лачинский коридор. Жители Степанакерта сообщают о нехватке продуктов, лекарств и топлива.`;
const FRENCH_START = 'Reprise des négociations sur le corridor de Latchine\n\nLes délégations arménienne et azerbaïdjanaise se sont réunies lundi à Bruxelles';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = openTestLibrary()));
afterEach(() => cleanup());

const importedBody = async (file: { name: string; bytes: Uint8Array }) => {
  const result = await importFile(db, file);
  expect(result).toMatchObject({ status: 'imported', error: null });
  return getSource(db, result.sourceId!).body;
};

describe('legacy encodings', () => {
  it('decodes Russian in windows-1251', async () => {
    expect(await importedBody(fixture('russian-windows-1251.txt'))).toMatch(new RegExp(`^${RUSSIAN}\\n\\n«Мы приехали, чтобы слушать и быть услышанными», — сказал`));
  });

  it('decodes Russian in KOI8-R', async () => {
    expect(await importedBody(fixture('russian-koi8-r.txt'))).toMatch(new RegExp(`^${RUSSIAN}\\n\\n"Мы приехали`));
  });

  it('decodes French in windows-1252, curly quotes, dashes, œ and € included', async () => {
    const body = await importedBody(fixture('french-windows-1252.txt'));
    expect(body.startsWith(FRENCH_START)).toBe(true);
    expect(body).toContain('« Nous sommes venus écouter – et être entendus »');
    expect(body).toContain('Selon l’Union européenne');
    expect(body).toContain('l’œuvre : 2 millions d’€.');
  });

  it('keeps the original bytes, not a UTF-8 re-encoding', async () => {
    const file = fixture('russian-windows-1251.txt');
    const { sourceId } = await importFile(db, file);
    expect(Buffer.compare(readOriginal(db, sourceId!), file.bytes)).toBe(0);
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do', () => {
    // German in Latin-1 with a 0x93/0x94 quote pair only windows-1252 gives meaning to.
    const text = '\u201EDie Gespräche über den Latschin-Korridor wurden am Montag in Brüssel fortgesetzt\u201C, sagte ein Sprecher. Beide Seiten äußerten sich zurückhaltend und vorsichtig über die nächsten Schritte.';
    expect(decodeText(iconv.encode(text, 'windows-1252'))).toBe(text);
  });
});

describe('refusing rather than guessing', () => {
  it('refuses a text too short to tell its encoding, with the UTF-8 message', async () => {
    const result = await importFile(db, { name: 'cafe.txt', bytes: Buffer.from('Caf\xe9 talks.', 'latin1') });
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/^cafe\.txt is not valid UTF-8 text \(from byte 3, E9: a character cut short\), and its encoding cannot be told with confidence \(.+\)\. Open it in a text editor, save it as UTF-8, and import it again\.$/);
  });

  it('refuses UTF-8 with a damaged byte instead of reading all of it as windows-1252', async () => {
    const utf8 = Buffer.from('Négociations à Bruxelles: les délégations se sont réunies lundi. '.repeat(5));
    const result = await importFile(db, { name: 'damaged.txt', bytes: Buffer.concat([utf8, Buffer.from([0xe9]), Buffer.from(' Fin.')]) });
    expect(result.error).toBe(`damaged.txt is not valid UTF-8 text: most of it is UTF-8, but 1 byte is damaged (the first at byte ${utf8.length}, E9: a character cut short). Open it in a text editor, save it as UTF-8, and import it again.`);
  });

  it.each([
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 'ED A0 80: an encoded UTF-16 surrogate, which UTF-8 does not allow'],
    ['an overlong slash', [0xc0, 0xaf], 'C0 AF: an overlong encoding'],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 'E0 80 AF: an overlong encoding'],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 'F4 90 80 80: a code point beyond U+10FFFF'],
    ['a stray continuation byte', [0x80], '80: a continuation byte with no character before it'],
  ])('refuses UTF-8 holding %s, naming its byte offset and what is wrong', async (_, bad, described) => {
    const utf8 = Buffer.from('Переговоры в Брюсселе: делегации встретились в понедельник. '.repeat(3));
    const result = await importFile(db, { name: 'strict.txt', bytes: Buffer.concat([utf8, Buffer.from(bad), Buffer.from(' Конец.')]) });
    expect(result.error).toBe(`strict.txt is not valid UTF-8 text: most of it is UTF-8, but ${bad.length} byte${bad.length === 1 ? ' is' : 's are'} damaged (the first at byte ${utf8.length}, ${described}). Open it in a text editor, save it as UTF-8, and import it again.`);
  });

  it('refuses an encoding it was not built for (Shift_JIS) rather than store mojibake', async () => {
    const bytes = iconv.encode('ラチン回廊をめぐる協議がブリュッセルで再開された。両国の代表団は月曜日に会談した。'.repeat(3), 'Shift_JIS');
    const result = await importFile(db, { name: 'japanese.txt', bytes });
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/^japanese\.txt is not valid UTF-8 text \(from byte 0, .+\), and its encoding cannot be told with confidence/);
  });

  it('never stores replacement characters or C1 controls from a wrong decoding', async () => {
    for (const name of ['russian-windows-1251.txt', 'russian-koi8-r.txt', 'french-windows-1252.txt']) {
      expect(await importedBody(fixture(name))).not.toMatch(/[\uFFFD\u0080-\u009F]/);
    }
  });
});
