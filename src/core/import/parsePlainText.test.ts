import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeText } from '../../shared/text/canonical';
import { outletFromHandle, parsePlainText, titleFromFirstSentence } from './parsePlainText';

const SAMPLES = path.resolve(import.meta.dirname, '../../../resources/samples');

function seed(prefix: string): string {
  const name = fs.readdirSync(SAMPLES).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} missing from ${SAMPLES}`);
  return canonicalizeText(fs.readFileSync(path.join(SAMPLES, name), 'utf8'));
}

/** What the library shows: the parsed fields with the title derived when the text has none. */
function article(prefix: string) {
  const parsed = parsePlainText(seed(prefix));
  return { ...parsed, title: parsed.title ?? titleFromFirstSentence(parsed.body) };
}

describe('the seed articles', () => {
  it('001: date and outlet from the header, title from the title line, neither repeated in the body', () => {
    const a = article('001');
    expect(a).toMatchObject({
      publishedAt: '2023-02-24',
      outlet: 'UrduPoint.com',
      author: null,
      title: 'Pashinyan, Guterres Agree To Continue Talks On UN Mission To Nagorno-Karabakh - Yerevan',
    });
    // Exactly the text after the header (date line, blank, title line, blank): every paragraph kept.
    expect(a.body).toBe(seed('001').split('\n').slice(4).join('\n'));
    expect(a.body.startsWith('Armenian Prime Minister Nikol Pashinyan and UN Secretary General Antonio Guterres')).toBe(true);
    expect(a.body).not.toContain('Agree To Continue Talks');
  });

  it('004: date from the header, author from the byline without its chrome, outlet from the footer', () => {
    const a = article('004');
    expect(a).toMatchObject({ publishedAt: '2023-01-11', author: 'Fatima Hasanova', outlet: 'AzerNews' });
    const lines = seed('004').split('\n');
    expect(a.body).toBe(lines.slice(4, lines.indexOf('---')).join('\n').trimEnd());
    expect(a.body.startsWith('The sending of UN peacekeepers to Karabakh is up to Baku and Yerevan')).toBe(true);
    expect(a.body.endsWith('the free movement of vehicles along the Lachin-Khankandi road.')).toBe(true);
    for (const metadata of ['date 2023-01-11', '17:39', 'Read more', 'Fatima Hasanova', '---', 'Follow us', '@AzerNewsAz']) {
      expect(a.body).not.toContain(metadata);
    }
    expect(a.title).toBe('The sending of UN peacekeepers to Karabakh is up to Baku and Yerevan, Spokesperson…');
  });

  it.each([
    ['000', 'The leaders of Artsakh and Armenia urged the international community to deploy monitoring…'],
    ['002', 'Prime Minister Nikol Pashinyan during a telephone conversation on Tuesday discussed…'],
    // The known bug: the splitter stopped at "U.S." and gave "During a telephone conversation with the U.S".
    ['003', 'During a telephone conversation with the U.S. Assistant Secretary of State for European…'],
  ])('%s: no header, so no date, outlet or author; the title is the first sentence cut at a word', (prefix, title) => {
    const text = seed(prefix);
    const a = article(prefix);
    expect(a).toMatchObject({ publishedAt: null, outlet: null, author: null, url: null, language: null, title });
    expect(a.title!.length).toBeLessThanOrEqual(91);
    expect(a.body).toBe(text); // nothing was read as metadata, so nothing is missing
  });

});

describe('parsePlainText', () => {
  it('reads an author from a "By" byline after the title', () => {
    const a = parsePlainText(' date 2023-01-05 news.am\n\nTalks Resume In Brussels\n\nBy Anna Grigoryan\n\nThe talks resumed.');
    expect(a).toMatchObject({ publishedAt: '2023-01-05', outlet: 'news.am', title: 'Talks Resume In Brussels', author: 'Anna Grigoryan', body: 'The talks resumed.' });
  });

  it.each([
    ['news.am', 'news.am'],
    ['report.az', 'report.az'],
    ['ria.ru', 'ria.ru'],
    ['apa.az', 'apa.az'],
    ['www.azernews.az', 'www.azernews.az'],
    ['oc-media.org', 'oc-media.org'],
    ['bbc.co.uk', 'bbc.co.uk'],
    ['civil.ge', 'civil.ge'],
    ['jam-news.net', 'jam-news.net'],
    ['asbarez.com', 'asbarez.com'],
    ['dawn.com.pk', 'dawn.com.pk'],
    ['hetq.am', 'hetq.am'],
    ['eurasianet.org', 'eurasianet.org'],
    ['mediamax.media', 'mediamax.media'],
    ['azertag.gov.az', 'azertag.gov.az'],
    ['мвд.рф', 'мвд.рф'],
    ['https://minval.az/news/123', 'minval.az'],
  ])('reads the outlet from any domain on the date line: %s', (written, outlet) => {
    expect(parsePlainText(` date 2023-01-05 ${written}\n\nThe talks resumed.`)).toMatchObject({ publishedAt: '2023-01-05', outlet });
  });

  it('does not take a version, a time, an e-mail address or a bare word for a domain', () => {
    for (const rest of ['v1.2', '12.30', 'editor@news.am', 'Armenpress', 'version 2.0b']) {
      expect(parsePlainText(` date 2023-01-05 ${rest}\n\nThe talks resumed.`).outlet, rest).toBeNull();
    }
  });

  it('does not take a sentence after the date line for a title or an author', () => {
    const a = parsePlainText(' date 2023-01-05\n\nThe talks resumed in Brussels on Monday.\n\nMore later.');
    expect(a).toMatchObject({ title: null, author: null, outlet: null, publishedAt: '2023-01-05' });
    expect(a.body).toBe('The talks resumed in Brussels on Monday.\n\nMore later.');
  });

  it('does not take a caption or a short lead without a full stop for a title (a sentence-case headline is not told from them either)', () => {
    for (const line of ['Photo from open sources', 'File photo of the Lachin corridor', 'The ministry said talks would go on, Report informs']) {
      const article = parsePlainText(` date 2023-02-22 report.az\n\n${line}\n\nThe talks went on.`);
      expect(article.title, line).toBeNull();
      expect(article.body.startsWith(line), line).toBe(true);
    }
  });

  it('takes a title line in a script without case, and not an Urdu sentence (issue 14)', () => {
    const article = parsePlainText(' date 2023-02-24 UrduPoint.com\n\nلاچین راہداری کی ناکہ بندی جاری\n\nناکہ بندی دو ماہ سے جاری ہے۔');
    expect(article).toMatchObject({ title: 'لاچین راہداری کی ناکہ بندی جاری', outlet: 'UrduPoint.com', body: 'ناکہ بندی دو ماہ سے جاری ہے۔' });
    expect(parsePlainText(' date 2023-02-24\n\nناکہ بندی دو ماہ سے جاری ہے۔\n\nمزید۔').title).toBeNull();
    expect(parsePlainText(' date 2023-02-24\n\nלאצ׳ין: המצור נמשך\n\nהמצור נמשך.').title).toBe('לאצ׳ין: המצור נמשך');
  });

  it('does not read an impossible date, and keeps that line in the body', () => {
    const a = parsePlainText(' date 2023-02-30 UrduPoint.com\n\nThe talks resumed.');
    expect(a).toMatchObject({ publishedAt: null, outlet: null });
    expect(a.body).toBe(' date 2023-02-30 UrduPoint.com\n\nThe talks resumed.');
  });

  it('keeps a rule that is not followed by an outlet footer', () => {
    const a = parsePlainText('First part.\n\n---\n\nSecond part.');
    expect(a.body).toBe('First part.\n\n---\n\nSecond part.');
    expect(a.outlet).toBeNull();
  });

  it('never turns a footer into the whole article', () => {
    const a = parsePlainText('Follow us on Twitter @AzerNewsAz');
    expect(a.body).toBe('Follow us on Twitter @AzerNewsAz');
  });
});

describe('outletFromHandle', () => {
  it('drops a trailing country code from a handle, and only that', () => {
    expect(outletFromHandle('AzerNewsAz')).toBe('AzerNews');
    expect(outletFromHandle('Armenpress')).toBe('Armenpress');
    expect(outletFromHandle('TASS_agency')).toBe('TASS_agency');
  });
});

describe('titleFromFirstSentence', () => {
  it('drops a full stop but keeps "?", closing quotes and an abbreviation\'s period', () => {
    expect(titleFromFirstSentence('Talks resume in Brussels. More follows.')).toBe('Talks resume in Brussels');
    expect(titleFromFirstSentence('Who decides on Karabakh? Baku says it does.')).toBe('Who decides on Karabakh?');
    expect(titleFromFirstSentence('Pashinyan calls the U.S.')).toBe('Pashinyan calls the U.S.');
  });

  it('cuts a long sentence at a word boundary, not inside a word or after "the"', () => {
    const sentence = 'Armenian Prime Minister Nikol Pashinyan discussed the blockade of the Lachin Corridor with President Vladimir Putin today.';
    expect(titleFromFirstSentence(sentence, 70)).toBe('Armenian Prime Minister Nikol Pashinyan discussed the blockade…'); // not "… of the L"
    expect(titleFromFirstSentence(sentence, 60)).toBe('Armenian Prime Minister Nikol Pashinyan discussed…'); // not "… the blockad"
    expect(titleFromFirstSentence(sentence, 62)).toBe('Armenian Prime Minister Nikol Pashinyan discussed the blockade…'); // a whole word that just fits
  });

  it('gives null for an empty body', () => {
    expect(titleFromFirstSentence('\n\n')).toBeNull();
  });
});
