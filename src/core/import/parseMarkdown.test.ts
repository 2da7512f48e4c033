import { describe, expect, it } from 'vitest';
import { canonicalizeText } from '../../shared/text/canonical';
import { ImportRefused } from './decodeText';
import { parseMarkdown } from './parseMarkdown';

const md = (text: string) => parseMarkdown(canonicalizeText(text));

function refusal(text: string): string {
  try {
    md(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRefused);
    return (error as Error).message;
  }
  throw new Error('expected the Markdown to be refused');
}

describe('parseMarkdown with front matter', () => {
  it('reads title, outlet, author, date, url and language, and keeps them out of the body', () => {
    const article = md(
      [
        '---',
        'title: "Peskov: UN peacekeepers up to Baku and Yerevan"',
        'outlet: AzerNews',
        'author: Fatima Hasanova',
        'date: 2023-01-11',
        'url: https://www.azernews.az/region/204000.html',
        'language: en',
        '---',
        '',
        'The sending of UN peacekeepers to Karabakh is up to Baku and Yerevan.',
        '',
        'Second paragraph with *emphasis*.',
      ].join('\r\n'),
    );
    expect(article).toEqual({
      title: 'Peskov: UN peacekeepers up to Baku and Yerevan',
      outlet: 'AzerNews',
      author: 'Fatima Hasanova',
      publishedAt: '2023-01-11',
      url: 'https://www.azernews.az/region/204000.html',
      language: 'en',
      body: 'The sending of UN peacekeepers to Karabakh is up to Baku and Yerevan.\n\nSecond paragraph with emphasis.',
    });
  });

  it('leaves missing fields null and takes the title from a leading heading', () => {
    const article = md('---\noutlet: Armenpress\n---\n# Pashinyan calls Putin\n\nThe two leaders spoke.');
    expect(article).toMatchObject({ title: 'Pashinyan calls Putin', outlet: 'Armenpress', author: null, publishedAt: null, url: null, language: null });
    expect(article.body).toBe('The two leaders spoke.');
  });

  it('removes a heading that repeats the front matter title, keeps one that differs', () => {
    expect(md('---\ntitle: Talks\n---\n# Talks\n\nText.').body).toBe('Text.');
    const different = md('---\ntitle: Talks resume\n---\n# Background\n\nText.');
    expect(different.title).toBe('Talks resume');
    expect(different.body).toBe('Background\n\nText.');
  });

  it('accepts empty front matter and the YAML "..." end marker', () => {
    expect(md('---\n---\nJust text.')).toMatchObject({ title: null, body: 'Just text.' });
    expect(md('---\nauthor: Anna Grigoryan\n...\nText.')).toMatchObject({ author: 'Anna Grigoryan', body: 'Text.' });
  });

  it('joins a list of authors', () => {
    expect(md('---\nauthor: [Anna Grigoryan, Fatima Hasanova]\n---\nText.').author).toBe('Anna Grigoryan, Fatima Hasanova');
  });
});

describe('parseMarkdown without front matter', () => {
  it('takes a leading # heading as the title and removes it from the body', () => {
    const article = md('# Pashinyan, Guterres Agree To Continue Talks\n\nArmenian Prime Minister Nikol Pashinyan spoke.\n\n## Background\n\nMore.');
    expect(article.title).toBe('Pashinyan, Guterres Agree To Continue Talks');
    expect(article.body).toBe('Armenian Prime Minister Nikol Pashinyan spoke.\n\nBackground\n\nMore.');
  });

  it('strips a closing # run but not a # that is part of a word', () => {
    expect(md('# Talks resume ##\n\nText.').title).toBe('Talks resume');
    expect(md('# Why C#\n\nText.').title).toBe('Why C#');
  });

  it('leaves the title unknown without a heading, and does not take a ## heading or a #hashtag', () => {
    expect(md('The talks resumed.').title).toBeNull();
    expect(md('## Section\n\nText.').title).toBeNull();
    expect(md('#Lachin is trending.\n\nText.').title).toBeNull();
  });
});

describe('parseMarkdown stores clean text', () => {
  const ARTICLE = [
    '---',
    'title: ICRC on the Lachin corridor',
    'outlet: news.am',
    '---',
    '',
    '# ICRC on the Lachin corridor',
    '',
    'The **International Committee of the Red Cross** said on',
    'Tuesday that its convoys were *again* [blocked](https://www.icrc.org/en/x "ICRC")',
    'near ~~Shusha~~ Shushi.[^1]',
    '',
    '## What they said',
    '',
    '> «Мы готовы», — сказал представитель.',
    '> Второй абзац цитаты.',
    '',
    '- Լաչինի միջանցք',
    '- Laçın dəhlizi with `code`',
    '  1. nested',
    '- [x] a task',
    '',
    '![A convoy at the checkpoint](convoy.jpg)',
    '',
    'A hard break\\',
    'and the next line, a <b>tag</b>, an autolink <https://news.am/eng/> and &amp; an entity.',
    '',
    '| Outlet | Date |',
    '| --- | --- |',
    '| Armenpress | 2022-12-20 |',
    '',
    '***',
    '',
    '```',
    'keep   these',
    '  lines',
    '```',
    '',
    '[ref]: https://example.org/',
    '',
    '[^1]: The ICRC statement.',
  ].join('\n');

  it('removes the markup: emphasis, links to their text, images to their alt, headings and lists as paragraphs', () => {
    const article = md(ARTICLE);
    expect(article.title).toBe('ICRC on the Lachin corridor');
    expect(article.body.split('\n\n')).toEqual([
      'The International Committee of the Red Cross said on Tuesday that its convoys were again blocked near Shusha Shushi.',
      'What they said',
      '«Мы готовы», — сказал представитель. Второй абзац цитаты.',
      'Լաչինի միջանցք',
      'Laçın dəhlizi with code',
      'nested',
      'a task',
      'A convoy at the checkpoint',
      'A hard break\nand the next line, a tag, an autolink https://news.am/eng/ and & an entity.',
      'Outlet\tDate\nArmenpress\t2022-12-20',
      'keep   these\n  lines',
      'The ICRC statement.',
    ]);
  });

  it('gives highlights positions in the clean text: the words a reader selects are at the stored offsets', () => {
    const { body } = md(ARTICLE);
    const phrase = 'International Committee of the Red Cross said on Tuesday';
    const start = body.indexOf(phrase);
    expect(start).toBe(4);
    expect(body.slice(start, start + phrase.length)).toBe(phrase);
  });

  it('reads a plain-text header in Markdown without front matter, and titles from a leading heading', () => {
    const article = md(' date 2023-01-05 news.am\n\nThe talks *resumed*\nin Brussels.');
    expect(article).toMatchObject({ publishedAt: '2023-01-05', outlet: 'news.am', body: 'The talks resumed in Brussels.' });
    expect(md('# **Talks** resume\n\nText with [a link](https://x.example).')).toMatchObject({ title: 'Talks resume', body: 'Text with a link.' });
  });
});

describe('parseMarkdown refuses bad front matter with a clear message', () => {
  it('malformed YAML', () => {
    expect(refusal('---\ntitle: [unclosed\nauthor: x\n---\nText.')).toMatch(/front matter that is not valid YAML.*Fix it and import again/);
  });

  it('front matter that is not a mapping', () => {
    expect(refusal('---\n- one\n- two\n---\nText.')).toMatch(/not a set of "field: value" lines/);
  });

  it('front matter that is never closed', () => {
    expect(refusal('---\ntitle: Talks\n\nText.')).toMatch(/never closes it/);
  });

  it.each(['11 January 2023', '2023-02-30', '2023-13-01', '20230111'])('a bad date: %s', (date) => {
    expect(refusal(`---\ndate: ${date}\n---\nText.`)).toBe(`has a front matter date "${date}" that is not a real date written YYYY-MM-DD. Correct it and import again.`);
  });

  it('a url that is not http(s)', () => {
    expect(refusal('---\nurl: javascript:alert(1)\n---\nText.')).toMatch(/url "javascript:alert\(1\)" that does not start with http/);
  });

  it('a field that is not text', () => {
    expect(refusal('---\nauthor:\n  name: Anna\n---\nText.')).toMatch(/field "author" that is not text/);
  });
});

describe('parseMarkdown input limits', () => {
  const frontMatter = (lines: string[]) => `---\n${lines.join('\n')}\n---\nThe body of the article.\n`;

  it('reads front matter of thousands of keys, duplicates included, without a quadratic duplicate check (the last value wins)', () => {
    const keys = Array.from({ length: 7000 }, (_, n) => `k${n}: v`);
    const text = frontMatter(['title: First title', ...keys, 'title: Last title', 'outlet: AzerNews']);
    expect(Buffer.byteLength(text)).toBeLessThan(64 * 1024);
    expect(md(text)).toMatchObject({ title: 'Last title', outlet: 'AzerNews', body: 'The body of the article.' });
  });

  it('refuses front matter over 64 KB, saying how large it is and what to keep', () => {
    const text = frontMatter(['title: Too much', ...Array.from({ length: 9000 }, (_, n) => `key${n}: value`)]);
    expect(refusal(text)).toBe('has front matter of 131 KB, over the 64 KB limit. Keep only the fields Marginalia reads (title, outlet, author, date, url, language) and import again.');
  });

  it('refuses front matter whose aliases multiply (a "billion laughs")', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'title: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'];
    expect(refusal(frontMatter(bomb))).toMatch(/^has front matter that is not valid YAML \(Excessive alias count .*\)\. Fix it and import again\.$/);
  });
});
