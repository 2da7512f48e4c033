import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalizeText, splitParagraphs } from '../../../shared/text/canonical';
import { parseHtml } from './parseHtml';
import { fixture } from '../../../../tests/fixtures/import/importFixtures';

const parse = (name: string) => parseHtml(fixture(name).bytes);
const page = (html: string) => parseHtml(Buffer.from(html));

describe('metadata, in the order JSON-LD, Open Graph, <title>', () => {
  it('reads a news page with JSON-LD in an @graph, resolving author and publisher references', () => {
    expect(parse('news-jsonld.html')).toMatchObject({
      title: 'Lachin corridor talks resume in Brussels',
      outlet: 'Caucasus Ledger',
      author: 'Anna Petrosyan, Rashad Aliyev',
      publishedAt: '2023-01-11', // the page's own date, not shifted to UTC, and not og's 2023-01-02
      url: 'https://caucasus-ledger.example/news/2023/01/lachin-talks-resume',
      language: 'en-GB',
    });
  });

  it('falls back to Open Graph and article: tags', () => {
    expect(parse('news-opengraph.html')).toMatchObject({
      title: 'Gas supply to Stepanakert restored after three days',
      outlet: 'Araz Daily',
      author: 'Leyla Mammadova',
      publishedAt: '2023-01-21',
      url: 'https://araz-daily.example/en/news/gas-supply-restored',
      language: 'az-AZ',
    });
  });

  it('falls back to <title> and the byline, and invents nothing else', () => {
    expect(parse('news-title-only.html')).toMatchObject({
      title: 'UN court orders free movement through Lachin corridor',
      outlet: null,
      author: 'Imran Qureshi',
      publishedAt: null,
      url: null,
      language: null,
    });
  });

  it('takes the <h1> as the title when <title> is the headline plus the site name', () => {
    const parsed = parse('russian-windows-1251.html');
    expect(parsed.title).toBe('Газ в Степанакерт подан снова');
    expect(parsed.body.startsWith('Подача газа в Степанакерт')).toBe(true);
  });

  it('ignores an author that is a profile URL, a relative or javascript: canonical, and an impossible date', () => {
    const parsed = page(`<html><head><title>Short note on the corridor</title>
      <meta property="article:author" content="https://www.facebook.example/someone">
      <meta property="article:published_time" content="2023-02-30T10:00:00Z">
      <link rel="canonical" href="javascript:alert(1)"></head>
      <body><p>Some text about the corridor that is long enough to be an article of its own here.</p></body></html>`);
    expect(parsed).toMatchObject({ author: null, publishedAt: null, url: null });
  });

  it('resolves a relative canonical link against og:url, and reads the "saved from" comment browsers write', () => {
    expect(page(`<html><head><meta property="og:url" content="https://news.example/a/b"><link rel="canonical" href="/a/canonical"></head><body><p>Text of the article.</p></body></html>`).url).toBe(
      'https://news.example/a/canonical',
    );
    expect(page(`<!-- saved from url=(0027)https://news.example/story -->\n<html><body><p>Text of the article.</p></body></html>`).url).toBe('https://news.example/story');
  });
});

describe('the article text', () => {
  it('keeps the article paragraphs, headings, quotes and list items, each its own paragraph, and nothing around them', () => {
    const { body } = parse('news-jsonld.html');
    expect(splitParagraphs(body).map((p) => p.text)).toEqual([
      'Negotiators from Yerevan and Baku met in Brussels on Monday for the first time since the road through the Lachin corridor was blocked in December, officials on both sides said.',
      'The talks, hosted by the European Union, focused on humanitarian access to Stepanakert, where residents have reported shortages of food and medicine for several weeks.',
      'What both sides said',
      '“We came to listen, and to be heard,” an Armenian diplomat told reporters after the meeting. An Azerbaijani official said the protesters on the road were environmental activists acting on their own.',
      'Both delegations agreed to meet again before the end of the month.',
      'Observers listed three open questions:',
      'who controls the checkpoint at the Hakari bridge,',
      'whether Red Cross convoys may pass daily, and',
      'what role Russian peacekeepers will keep.',
      'Neither delegation published a statement after the meeting, and the next round has not yet been scheduled by the European Union’s special representative.',
    ]);
    // Paragraphs are separated by one blank line, and the body is already canonical.
    expect(body).toContain('said.\n\nThe talks');
    expect(canonicalizeText(body)).toBe(body);
  });

  it('leaves out navigation, cookie banner, ads, share buttons, related links, newsletter forms and footer', () => {
    const bodies = [parse('news-jsonld.html').body, parse('news-opengraph.html').body].join('\n');
    for (const chrome of ['Politics', 'cookies', 'Accept all', 'Advertisement', 'Buy a holiday', 'Share on', 'Related stories', 'Subscribe', 'newsletter', 'All rights reserved', 'Home', 'Русский']) {
      expect(bodies).not.toContain(chrome);
    }
  });

  it('does not repeat the headline or the byline in the body', () => {
    expect(parse('news-jsonld.html').body).not.toMatch(/Lachin corridor talks resume|By Anna/);
    expect(parse('news-title-only.html').body.startsWith('The International Court of Justice ordered')).toBe(true);
  });

  it('decodes a page in the charset it declares (windows-1251)', () => {
    const parsed = parse('russian-windows-1251.html');
    expect(parsed.author).toBe('Пётр Семёнов');
    expect(parsed.body).toContain('Всё это время жители обогревались дровами');
    expect(parsed.body).not.toMatch(/Главная|Новости/);
  });

  it('detects windows-1251 in a page that declares no charset, looking at the text between the tags', () => {
    const declared = fixture('russian-windows-1251.html').bytes;
    const undeclared = Buffer.from(declared.toString('latin1').replace(/<meta http-equiv[^>]*>/, ''), 'latin1');
    expect(parseHtml(undeclared).body).toBe(parseHtml(declared).body);
  });

  it('reads a page nested thousands of levels deep (generated or hostile) whole, without its chrome', () => {
    const depth = 3000;
    const parsed = page(`<html><body><nav>Menu</nav>${'<div>'.repeat(depth)}<p>Deep text.</p>${'</div>'.repeat(depth)}<footer>Footer</footer></body></html>`);
    expect(parsed.body).toBe('Deep text.');
  });

  it('refuses a page with no article text', () => {
    expect(() => page('<html><head><title>Nothing</title><script>render()</script></head><body><div id="app"></div></body></html>')).toThrow(
      'is a web page with no article text in it (only scripts, images or page chrome). Save the article page itself and import it again.',
    );
  });
});

describe('a hostile page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('stores none of its scripts, handlers, javascript: links, frames, templates or form fields', () => {
    const { body, title, language } = parse('hostile.html');
    expect(title).toBe('Переговоры по Лачинскому коридору');
    expect(language).toBe('ru');
    expect(splitParagraphs(body).map((p) => p.text)).toEqual([
      'Переговоры по Лачинскому коридору продолжатся',
      'Представители Армении и Азербайджана договорились продолжить переговоры о Лачинском коридоре, сообщили в понедельник дипломатические источники.',
      'По словам собеседников, стороны обсудили гуманитарный доступ в Степанакерт и работу пункта пропуска.',
      'Следующая встреча может состояться в феврале, добавили источники, не уточнив место её проведения.',
      'Подробнее архив',
    ]);
    expect(body).not.toMatch(/alert|script|javascript|onload|onerror|onclick|evil|cookie|<|>|[A-Z]+-(?:TEXT|VALUE)|WRITTEN-BY-SCRIPT/i);
  });

  it('runs nothing and fetches nothing while it is read', () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const requests = [vi.spyOn(http, 'request'), vi.spyOn(http, 'get'), vi.spyOn(https, 'request'), vi.spyOn(https, 'get'), vi.spyOn(net, 'connect'), vi.spyOn(net, 'createConnection')];
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    vi.stubGlobal('document', undefined);
    try {
      parse('hostile.html');
      parse('news-jsonld.html');
    } finally {
      vi.unstubAllGlobals();
    }
    expect(fetch).not.toHaveBeenCalled();
    for (const request of requests) expect(request).not.toHaveBeenCalled();
    expect(alert).not.toHaveBeenCalled();
  });
});
