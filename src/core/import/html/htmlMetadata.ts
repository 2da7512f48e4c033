import { isCalendarDate } from '../../../shared/text/calendarDate';
import { readJsonLd } from './jsonLd';
import type { Document } from './dom';

export interface HtmlMetadata {
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
}

/** What Readability found, the last resort: a cleaned-up `<title>` and the byline it spotted. */
export interface ReadabilityHints {
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
}

/** The limits SourceMetadataPatch puts on an edit; an import must not store what an edit could not. */
const LIMITS = { title: 500, outlet: 200, author: 300, url: 2000, language: 35 } as const;

const clean = (value: string | null | undefined, limit: number): string | null => {
  const collapsed = value?.replace(/\s+/g, ' ').trim();
  return collapsed ? collapsed.slice(0, limit) : null;
};

/** The calendar date as the page writes it ("2023-01-11T09:30:00+04:00" -> 2023-01-11), never shifted to UTC. */
export function isoDate(value: string | null | undefined): string | null {
  const date = value?.trim().match(/^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/)?.[1];
  return date && isCalendarDate(date) ? date : null;
}

/** `ru_RU` (Open Graph's form) -> `ru-RU`; anything that is not a BCP 47-looking tag is dropped. */
export function languageTag(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag.slice(0, LIMITS.language) : null;
}

/** An absolute http(s) URL, resolved against `base` when relative; anything else (javascript:, data:) is dropped. */
export function webUrl(value: string | null | undefined, base?: string | null): string | null {
  if (!value?.trim()) return null;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    return /^https?:$/.test(url.protocol) && url.href.length <= LIMITS.url ? url.href : null;
  } catch {
    return null;
  }
}

/** An author field may hold a profile URL (Facebook's article:author does); that is not a name. */
const personName = (value: string | null | undefined): string | null => {
  const name = clean(value, LIMITS.author)?.replace(/^by\s+/i, '') ?? null;
  return name && !/^https?:\/\//i.test(name) ? name : null;
};

const first = <T>(...values: (T | null | undefined)[]): T | null => values.find((value) => value !== null && value !== undefined && value !== '') ?? null;

/** `<!-- saved from url=(0055)https://… -->`, which browsers write at the top of a saved page. */
function savedFromUrl(html: string): string | null {
  return webUrl(/<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1]);
}

interface PageFacts {
  meta: Map<string, string>;
  jsonLd: ReturnType<typeof readJsonLd>;
  canonical: string | null;
  titleTag: string | null;
  headline: string | null;
  lang: string | null;
  savedFrom: string | null;
}

/** Reads what metadata the page holds, as saved: call it before Readability, which rewrites the document. */
export function readPageFacts(document: Document, html: string): PageFacts {
  const meta = new Map<string, string>();
  for (const element of document.querySelectorAll('meta[content]')) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? element.getAttribute('http-equiv'))?.trim().toLowerCase();
    const content = element.getAttribute('content')?.trim();
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  const root = document.documentElement;
  return {
    meta,
    jsonLd: readJsonLd([...document.querySelectorAll('script[type="application/ld+json" i]')].map((script) => script.textContent ?? '')),
    canonical: document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? null,
    titleTag: document.querySelector('title')?.textContent ?? null,
    headline: document.querySelector('h1')?.textContent ?? null,
    lang: root?.getAttribute('lang') ?? root?.getAttribute('xml:lang') ?? null,
    savedFrom: savedFromUrl(html),
  };
}

/**
 * Metadata in the order the issue sets: JSON-LD, then Open Graph / `article:` / citation meta tags,
 * then `<title>` (as Readability cleans it of " | Outlet") and the byline Readability spotted.
 */
export function resolveMetadata(facts: PageFacts, hints: ReadabilityHints): HtmlMetadata {
  const { meta, jsonLd: ld } = facts;
  const tag = (...keys: string[]) => first(...keys.map((key) => meta.get(key)));
  const base = first(webUrl(tag('og:url')), facts.savedFrom);
  return {
    title: first(...[ld?.title, tag('og:title', 'citation_title', 'dc.title'), hints.title, facts.titleTag, facts.headline].map((value) => clean(value, LIMITS.title))),
    outlet: first(...[ld?.outlet, tag('og:site_name', 'citation_journal_title', 'application-name')].map((value) => clean(value, LIMITS.outlet))),
    author: first(personName(ld?.author), personName(tag('article:author', 'author', 'citation_author', 'dc.creator')), personName(hints.byline)),
    publishedAt: first(isoDate(ld?.published), isoDate(tag('article:published_time', 'citation_publication_date', 'citation_date', 'dc.date', 'date', 'pubdate')), isoDate(hints.publishedTime)),
    url: first(webUrl(facts.canonical, base), webUrl(ld?.url, base), base),
    language: first(languageTag(facts.lang), languageTag(ld?.language), languageTag(tag('og:locale', 'content-language', 'dc.language'))),
  };
}
