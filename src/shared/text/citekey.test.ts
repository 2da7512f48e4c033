import { describe, expect, it } from 'vitest';
import { baseCitekey, uniqueCitekey } from './citekey';

describe('baseCitekey', () => {
  it('is outlet + year + first significant title word (seed 001)', () => {
    const key = baseCitekey({
      title: 'Pashinyan, Guterres Agree To Continue Talks On UN Mission To Nagorno-Karabakh - Yerevan',
      outlet: 'UrduPoint.com',
      author: null,
      publishedAt: '2023-02-24',
    });
    expect(key).toBe('urdupoint2023pashinyan');
  });

  it('skips stop words in the title and prefers the author to the outlet, as Better BibTeX does (seed 004)', () => {
    expect(baseCitekey({ title: 'The sending of UN peacekeepers', outlet: 'AzerNews', author: 'Fatima Hasanova', publishedAt: '2023-01-11' })).toBe('hasanova2023sending');
  });

  it("uses the author's last name, the outlet without an author, and 'anon' with neither; no year when undated", () => {
    expect(baseCitekey({ title: 'A report', outlet: null, author: 'Fatima Hasanova', publishedAt: '2023-01-11' })).toBe('hasanova2023report');
    expect(baseCitekey({ title: 'A report', outlet: 'AzerNews', author: '—', publishedAt: '2023-01-11' })).toBe('azernews2023report');
  });

  it('takes the first author\'s family name: "Family, Given" by its comma, several authors by "and"', () => {
    expect(baseCitekey({ title: 'Лачинский коридор', outlet: 'РИА Новости', author: 'Иванов, Пётр', publishedAt: '2023-01-05' })).toBe('ivanov2023lachinskiy');
    expect(baseCitekey({ title: 'Iravan', outlet: 'Report.az', author: 'Fatima Hasanova and Ani Hakobyan', publishedAt: '2023-01-05' })).toBe('hasanova2023iravan');
    expect(baseCitekey({ title: 'Iravan', outlet: null, author: 'Hasanova, Fatima; Hakobyan, Ani', publishedAt: null })).toBe('hasanovairavan');
    expect(baseCitekey({ title: 'The leaders of Artsakh', outlet: null, author: null, publishedAt: null })).toBe('anonleaders');
  });

  it('folds letters to ASCII, including Azerbaijani ə and dotless ı', () => {
    expect(baseCitekey({ title: 'Qarabağ', outlet: 'Azərbaycan Xəbərləri', author: null, publishedAt: '2023-01-01' })).toBe('azerbaycanxeberleri2023qarabag');
    expect(baseCitekey({ title: 'Bakı talks', outlet: null, author: 'Stéphane Dujarric', publishedAt: null })).toBe('dujarricbaki');
  });

  it("uses 'anon' when outlet and author have no letters to keep", () => {
    expect(baseCitekey({ title: '—', outlet: null, author: null, publishedAt: null })).toBe('anon');
    expect(baseCitekey({ title: '—', outlet: '—', author: '—', publishedAt: null })).toBe('anon');
  });
});

describe('uniqueCitekey', () => {
  it('returns the base when it is free, then a, b, … z, aa', () => {
    const taken = new Set<string>();
    const next = () => {
      const key = uniqueCitekey('urdupoint2023pashinyan', (candidate) => taken.has(candidate));
      taken.add(key);
      return key;
    };
    expect(next()).toBe('urdupoint2023pashinyan');
    expect(next()).toBe('urdupoint2023pashinyana');
    expect(next()).toBe('urdupoint2023pashinyanb');
    for (let i = 0; i < 24; i++) next();
    expect(taken.has('urdupoint2023pashinyanz')).toBe(true);
    expect(next()).toBe('urdupoint2023pashinyanaa');
  });
});

describe('baseCitekey in every script of the sample library (issue 14)', () => {
  it.each([
    ['Armenian', { title: 'Լաչինի միջանցքը՝ շրջափակման մեջ', outlet: null, author: 'Անի Հակոբյան', publishedAt: '2023-01-05' }, 'hakobyan2023lachini'],
    ['Armenian, author before outlet', { title: 'Ստեփանակերտում', outlet: 'Արմենպրես', author: 'Անի Հակոբյան', publishedAt: '2022-12-20' }, 'hakobyan2022stepanakertum'],
    ['Armenian outlet, no author', { title: 'Ստեփանակերտում', outlet: 'Արմենպրես', author: null, publishedAt: '2022-12-20' }, 'armenpres2022stepanakertum'],
    ['Russian', { title: 'Лавров и Байрамов обсудили ситуацию', outlet: 'РИА Новости', author: null, publishedAt: '2023-01-05' }, 'rianovosti2023lavrov'],
    ['Russian, stop word first', { title: 'О Лачинском коридоре', outlet: null, author: 'Юлия Щёкина', publishedAt: '2023-02-01' }, 'shchekina2023lachinskom'],
    ['Azerbaijani', { title: 'Laçın yolunda vəziyyət', outlet: null, author: 'İlham Əliyev', publishedAt: '2023-01-11' }, 'eliyev2023lacin'],
    ['Georgian', { title: 'ჭიათურა და თბილისი', outlet: null, author: 'ნინო შევარდნაძე', publishedAt: '2023-03-01' }, 'shevardnadze2023chiatura'],
    ['Urdu', { title: 'لاچین راہداری', outlet: null, author: null, publishedAt: '2023-02-24' }, 'anon2023lchyn'],
  ])('%s', (_script, parts, expected) => {
    expect(baseCitekey(parts)).toBe(expected);
  });
});
