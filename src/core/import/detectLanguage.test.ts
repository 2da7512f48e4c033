import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detectLanguage';

/** The five seed articles, shipped as the sample library. */
const SEEDS = path.resolve(import.meta.dirname, '../../../resources/samples');

describe('detectLanguage', () => {
  it.each(readdirSync(SEEDS).filter((name) => name.endsWith('.txt')))('reads seed %s as English', async (name) => {
    expect(await detectLanguage(readFileSync(path.join(SEEDS, name), 'utf8'))).toBe('en');
  });

  it.each([
    ['en', 'Peacekeepers were sent to the region.'],
    ['en', 'Prime Minister meets UN chief'],
    ['ru', 'Блокада Лачинского коридора продолжается.'],
    ['ru', 'Миротворцы прибыли в Карабах'],
    ['hy', 'Լաչինի միջանցքը շրջափակման մեջ է։'],
    ['hy', 'Ճանապարհը բաց է'],
    ['az', 'Xarici işlər naziri jurnalistlərə açıqlama verib.'],
    ['az', 'Yol açıqdır'],
    ['ur', 'لاچین راہداری کی ناکہ بندی جاری ہے۔'],
    ['ur', 'سڑک کھل گئی'],
    ['fa', 'محاصره راهرو لاچین ادامه دارد'],
    ['ar', 'استمرار الحصار على ممر لاتشين'],
    ['he', 'שר החוץ נפגש עם עמיתו הארמני'],
    ['tr', 'Görüşmeler salı günü devam edecek'],
  ])('reads a short %s text: %s', async (language, text) => {
    expect(await detectLanguage(text)).toBe(language);
  });

  it('says nothing for a text with no words', async () => {
    expect(await detectLanguage('   ')).toBeNull();
    expect(await detectLanguage('2023-01-11 17:39 — 42')).toBeNull();
  });
});
