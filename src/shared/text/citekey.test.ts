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

  it('skips stop words in the title and prefers the outlet to the author (seed 004)', () => {
    expect(baseCitekey({ title: 'The sending of UN peacekeepers', outlet: 'AzerNews', author: 'Fatima Hasanova', publishedAt: '2023-01-11' })).toBe('azernews2023sending');
  });

  it("uses the author's last name without an outlet, and 'anon' with neither; no year when undated", () => {
    expect(baseCitekey({ title: 'A report', outlet: null, author: 'Fatima Hasanova', publishedAt: '2023-01-11' })).toBe('hasanova2023report');
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
