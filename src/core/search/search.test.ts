import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { importFiles } from '../import/importFiles';
import { findResourcesDirectory } from '../library';
import { searchLibrary } from './search';
import { addSource, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let cleanup: () => void;
/** Source ids of the five seeds by file prefix ('000'…'004') and of our multilingual fixtures. */
const seed: Record<string, number> = {};
const fixture: Record<string, number> = {};

beforeAll(async () => {
  ({ db, cleanup } = openTestLibrary());
  const samples = path.join(findResourcesDirectory(), 'samples');
  for (const name of fs.readdirSync(samples).sort()) {
    const [result] = await importFiles(db, [{ name, bytes: fs.readFileSync(path.join(samples, name)) }]);
    seed[name.slice(0, 3)] = result!.sourceId!;
  }
  fixture.az = addSource(db, { title: 'Laçın yolu', outlet: 'Report.az', publishedAt: '2023-01-05', body: 'Xankəndi şəhərində Laçın dəhlizi ilə bağlı İstanbul görüşü.' });
  fixture.ru = addSource(db, { title: 'Лачинский коридор', outlet: 'ТАСС', author: 'Пётр Семёнов', publishedAt: '2023-01-20', body: 'Ёлка у въезда в Ханкенди. Переговоры о Лачинском коридоре продолжились.' });
  fixture.hy = addSource(db, { title: 'ԵՐԵՎԱՆ. Լաչինի միջանցքը', outlet: 'Արմենպրես', publishedAt: '2023-02-10', body: 'Երևանում քննարկվեց Լաչինի միջանցքի շրջափակումը։ Ինչո՞ւ է փակ ճանապարհը։' });
  fixture.hyClassic = addSource(db, { title: 'Երեւանեան լուրեր', body: 'Հին ուղղագրութեամբ գրուած յօդուած Երեւանի մասին։' });
  fixture.ka = addSource(db, { title: 'ლაჩინის დერეფანი', body: 'სტეფანაკერტი და ლაჩინი.' });
  fixture.el = addSource(db, { title: 'Ο διάδρομος του Λατσίν', body: 'Η Αθήνα ανησυχεί.' });
  fixture.en = addSource(db, { title: 'Statement', body: 'The Straße near Łódź; Guterresʼ aides and Guterres\' staff in Nagorno-Karabakh.' });
});
afterAll(() => cleanup());

const ids = (query: string, limit?: number) => searchLibrary(db, query, { limit }).results.map((result) => result.id);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const seeds = (...prefixes: string[]) => sorted(prefixes.map((prefix) => seed[prefix]!));

describe('searchLibrary over the seeds', () => {
  it('requires every word', () => {
    expect(sorted(ids('Guterres Pashinyan'))).toEqual(seeds('001'));
  });

  it('finds a word in every script it is spelled in, and only its own spelling when quoted', () => {
    // The seeds write Lachin; the fixtures Laçın, Лачинский, Լաչինի and ლაჩინის.
    const everySpelling = sorted([...seeds('000', '001', '002', '003', '004'), fixture.az!, fixture.ru!, fixture.hy!, fixture.ka!]);
    for (const spelling of ['Lachin', 'Laçın', 'Lacin', 'Лачин', 'Լաչին']) expect(sorted(ids(spelling))).toEqual(everySpelling);
    expect(sorted(ids('"Lachin"'))).toEqual(seeds('000', '001', '002', '003', '004'));
    expect(ids('"Лачин"')).toEqual([]);
    expect(sorted(ids('"Laçın"'))).toEqual([fixture.az]);
  });

  it('matches "exact phrases" only with the words adjacent and in order', () => {
    expect(sorted(ids('"Lachin Corridor"'))).toEqual(seeds('000', '001', '002', '003'));
    expect(ids('"Corridor Lachin"')).toEqual([]);
  });

  it('finds other forms of a word without *, and only the form written when quoted', () => {
    expect(sorted(ids('"blockading"'))).toEqual(seeds('002', '003'));
    expect(sorted(ids('blockading'))).toEqual(seeds('000', '001', '002', '003', '004'));
    expect(sorted(ids('blockad*'))).toEqual(seeds('000', '001', '002', '003', '004'));
    expect(sorted(ids('peacekeeper'))).toEqual(sorted(ids('peacekeepers')));
    expect(ids('peacekeeper')).toContain(seed['004']);
    expect(ids('"peacekeeper"')).not.toContain(seed['004']);
  });

  it('leaves out -excluded words and phrases', () => {
    expect(sorted(ids('"Lachin" -Karabakh -"Laçın"'))).toEqual(seeds('003'));
    // Leaving out a word leaves out its every spelling.
    expect(ids('Lachin -Laçın')).toEqual([]);
    expect(sorted(ids('blockade -"Lachin Corridor"'))).toEqual(seeds('004'));
  });

  it('matches either side of OR', () => {
    expect(sorted(ids('Peskov OR Putin'))).toEqual(seeds('002', '004'));
    expect(sorted(ids('Kremlin Peskov OR Putin'))).toEqual(seeds('002'));
  });

  it('filters by outlet: and author:', () => {
    expect(ids('Karabakh outlet:urdupoint')).toEqual(seeds('001'));
    expect(ids('outlet:azernews')).toEqual(seeds('004'));
    expect(ids('author:hasanova')).toEqual(seeds('004'));
    expect(ids('Hasanova -author:hasanova')).toEqual([]);
  });

  it('filters by date, leaving out undated sources', () => {
    expect(sorted(ids('"Lachin" after:2023-01-11'))).toEqual(seeds('001'));
    expect(sorted(ids('Lachin after:2023-01-11'))).toEqual(sorted([...seeds('001'), fixture.ru!, fixture.hy!]));
    expect(sorted(ids('"Lachin" after:2023-01-01 before:2023-02-24'))).toEqual(seeds('004'));
    expect(ids('Lacin after:2023-01-04 before:2023-01-06')).toEqual([fixture.az]);
    expect(ids('"Lachin" before:2023-01-11')).toEqual([]);
    expect(ids('"Lacin" after:2023-01-05')).toEqual([]);
  });

  it('filters by type: and by tag: (these sources have no highlights or notes, and sources have no tags)', () => {
    expect(ids('"Lachin" type:source')).toHaveLength(5);
    expect(ids('Lachin type:highlight')).toEqual([]);
    expect(ids('Lachin -type:source')).toEqual([]);
    expect(ids('Lachin tag:ceasefire')).toEqual([]);
  });

  it('ranks a word in the title above the same word in a body', () => {
    const { db: own, cleanup: close } = openTestLibrary();
    try {
      const inBody = addSource(own, { title: 'Talks', body: 'Talks resumed on the Zangezur route and Zangezur again, said the ministry.' });
      const inTitle = addSource(own, { title: 'Zangezur', body: 'Talks resumed on the route, said the ministry in a statement today.' });
      expect(searchLibrary(own, 'zangezur').results.map((result) => result.id)).toEqual([inTitle, inBody]);
    } finally {
      close();
    }
  });

  it('returns results in the contract shape with the matched words marked', () => {
    const [result] = searchLibrary(db, 'Peskov').results;
    expect(result).toMatchObject({ type: 'source', id: seed['004'], sourceId: seed['004'] });
    expect(result!.title).toMatch(/^The sending of UN peacekeepers/);
    expect(result!.segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(expect.arrayContaining(['Peskov']));
    expect(result!.snippet).toBe(result!.segments.map((segment) => segment.text).join(''));
    expect(result!.snippet).not.toMatch(/[\uFDD0\uFDD1]/);
  });

  it('honours the limit, best first', () => {
    expect(ids('Lachin', 2)).toEqual(ids('Lachin').slice(0, 2));
  });

  it('ranks only the newest matches past the candidate cap', () => {
    const newest = sorted(ids('Lachin')).slice(-2);
    expect(sorted(searchLibrary(db, 'Lachin', { candidateCap: 2 }).results.map((result) => result.id))).toEqual(newest);
  });
});

describe('searchLibrary in every script', () => {
  const matched = (query: string, id: number) => {
    const result = searchLibrary(db, query).results.find((r) => r.id === id);
    return result?.segments.filter((segment) => segment.match).map((segment) => segment.text).join(' | ');
  };

  it.each([
    ['Lacin', 'az', ['Laçın']],
    ['Xankendi', 'az', ['Xankəndi']],
    ['XANKƏNDİ', 'az', ['Xankəndi']],
    ['sehrinde', 'az', undefined],
    ['şəhərində', 'az', ['şəhərində']],
    ['istanbul', 'az', ['İstanbul']],
    ['елка', 'ru', ['Ёлка']],
    ['Семенов', 'ru', ['Семёнов']],
    ['лачинск*', 'ru', ['Лачинский']],
    ['"лачинском коридоре"', 'ru', ['Лачинском', 'коридоре']],
    ['Ханкенди', 'ru', ['Ханкенди']],
    ['Ла*', 'ru', ['Лачинск']],
    ['Լա*', 'hy', ['Լաչինի']],
    ['Երևան', 'hy', ['ԵՐԵՎԱՆ']],
    ['"երեվանում"', 'hy', ['Երևանում']],
    ['երեվանում', 'hy', ['ԵՐԵՎԱՆ']],
    ['Լաչինի միջանց*', 'hy', ['Լաչինի', 'միջանցքը']],
    ['ինչու', 'hy', ['Ինչո՞ւ']],
    ['"Երևանի"', 'hyClassic', ['Երեւանի']],
    ['Lachin', 'ru', ['Лачинск']],
    ['Lachin', 'hy', ['Լաչինի']],
    ['Lachin', 'ka', ['ლაჩინი']],
    ['Лачин', 'az', ['Laçın']],
    ['Լաչին', 'ru', ['Лачинск']],
    ['Khankendi', 'az', ['Xankəndi']],
    ['Khankendi', 'ru', ['Ханкенди']],
    ['Xankəndi', 'ru', ['Ханкенди']],
    ['Stepanakert', 'ka', ['სტეფანაკერტი']],
    ['"Khankendi"', 'ru', undefined],
    ['dəhlizdə', 'az', ['dəhlizi']],
    ['коридоры', 'ru', ['коридор']],
    ['ლაჩინი', 'ka', ['ლაჩინი']],
    ['Guterres', 'en', ['Guterresʼ', 'Guterres']],
    ['strasse lodz', 'en', ['Straße', 'Łódź']],
    ['Łó* straß*', 'en', ['Łódź', 'Straße']],
    ['"Nagorno Karabakh"', 'en', ['Nagorno', 'Karabakh']],
  ] as const)('%s finds the %s fixture, marking its original spelling', (query, key, marks) => {
    const result = matched(query, fixture[key]!);
    if (marks === undefined) expect(result).toBeUndefined();
    else for (const mark of marks) expect(result).toContain(mark);
  });

  it('finds Guterres followed by an apostrophe in the seeds too', () => {
    expect(sorted(ids('Guterres'))).toEqual(sorted([...seeds('001', '003'), fixture.en!]));
  });
});

describe('searchLibrary never fails on what the user typed', () => {
  const attempts = [
    `'); DROP TABLE sources; --`,
    `" OR 1=1 --`,
    `lachin" OR "x`,
    `NEAR(lachin corridor, 2)`,
    `{title body}: lachin`,
    `title:lachin`,
    `lachin AND OR NOT`,
    `^lachin`,
    `lachin\u0000corridor`,
    `* ** - -- "" ""*`,
    `sources_fts MATCH 'x'`,
    `lachin) OR (x`,
    `\\"`,
    `${'a '.repeat(400)}`,
  ];
  it.each(attempts)('%s', (query) => {
    expect(() => searchLibrary(db, query)).not.toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 12 });
  });

  it('treats FTS5 syntax as words', () => {
    expect(ids('NEAR(Lachin Corridor)')).toEqual([]);
    expect(sorted(ids('(Lachin) Corridor:'))).toEqual(seeds('000', '001', '002', '003'));
  });

  it('falls back to plain words on a malformed query, and says so', () => {
    const response = searchLibrary(db, '"Lachin Corridor');
    expect(response.warning).toMatch(/never closed.*plain words: Lachin Corridor/);
    expect(sorted(response.results.map((result) => result.id))).toEqual(seeds('000', '001', '002', '003'));
  });

  it('asks for a word when given only filters, and returns nothing for a blank query', () => {
    expect(searchLibrary(db, 'type:source after:2023-01-01')).toEqual({ results: [], warning: expect.stringMatching(/Type a word/) });
    expect(searchLibrary(db, '   ')).toEqual({ results: [], warning: null });
  });
});
