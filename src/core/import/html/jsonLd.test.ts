import { describe, expect, it } from 'vitest';
import { readJsonLd } from './jsonLd';

const block = (value: unknown) => JSON.stringify(value);

describe('readJsonLd', () => {
  it('reads a plain NewsArticle with author and publisher objects', () => {
    expect(
      readJsonLd([
        block({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: 'Talks resume',
          author: { '@type': 'Person', name: 'Anna Petrosyan' },
          publisher: { '@type': 'Organization', name: 'Armenpress' },
          datePublished: '2023-01-11T09:30:00+04:00',
          url: 'https://armenpress.example/1',
          inLanguage: 'hy',
        }),
      ]),
    ).toEqual({ title: 'Talks resume', outlet: 'Armenpress', author: 'Anna Petrosyan', published: '2023-01-11T09:30:00+04:00', url: 'https://armenpress.example/1', language: 'hy' });
  });

  it('takes authors given as strings, arrays and references, once each', () => {
    const graph = {
      '@graph': [
        { '@type': 'Person', '@id': '#p1', name: 'Rashad Aliyev' },
        { '@type': ['Article', 'NewsArticle'], name: 'Fallback name', author: [{ '@id': '#p1' }, 'Leyla Mammadova', { name: 'Rashad Aliyev' }], publisher: [{ name: 'Report.az' }, { name: 'Other' }] },
      ],
    };
    expect(readJsonLd([block(graph)])).toMatchObject({ title: 'Fallback name', author: 'Rashad Aliyev, Leyla Mammadova', outlet: 'Report.az' });
  });

  it('prefers a NewsArticle over another Article type, across blocks and top-level arrays', () => {
    const blog = block({ '@type': 'BlogPosting', headline: 'A blog post' });
    const news = block([{ '@type': 'BreadcrumbList' }, { '@type': 'ReportageNewsArticle', headline: 'The report' }]);
    expect(readJsonLd([blog, news])?.title).toBe('The report');
    expect(readJsonLd([blog])?.title).toBe('A blog post');
  });

  it('skips broken blocks, and unwraps CDATA comments', () => {
    const cdata = `/*<![CDATA[*/ ${block({ '@type': 'Article', headline: 'Wrapped' })} /*]]>*/`;
    expect(readJsonLd(['{ "headline": "broken", }', cdata])?.title).toBe('Wrapped');
  });

  it('unescapes HTML entities some sites leave in JSON-LD strings', () => {
    expect(readJsonLd([block({ '@type': 'NewsArticle', headline: 'Aid &amp; access: Baku&#8217;s &quot;eco-activists&quot; &#x2014; day 30' })])?.title).toBe('Aid & access: Baku’s "eco-activists" — day 30');
  });

  it('returns null when no article is described', () => {
    expect(readJsonLd([block({ '@type': 'WebSite', name: 'Site' }), 'not json'])).toBeNull();
  });

  it('reads mainEntityOfPage as the URL when there is no url', () => {
    expect(readJsonLd([block({ '@type': 'NewsArticle', mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://x.example/a' } })])?.url).toBe('https://x.example/a');
  });
});
