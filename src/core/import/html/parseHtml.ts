import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { canonicalizeText } from '../../../shared/text/canonical';
import { decodeText, ImportRefused } from '../decodeText';
import type { ParsedArticle } from '../parsePlainText';
import { readPageFacts, resolveMetadata } from './htmlMetadata';
import { htmlParagraphs, nestingDepth, NEVER_TEXT } from './htmlToText';
import type { Document, Element, Node } from './dom';

/** What Readability's own types call a document; linkedom's is one at run time. */
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/**
 * A saved web page -> its article. The DOM is linkedom's: it has no script engine, no network and
 * no layout, so nothing in the page runs or loads while we read it (issue 8). Readability then
 * picks the article out of navigation, ads, banners and footers.
 */

/** The charset a page declares in its first bytes (`<meta charset>`, http-equiv, or an XML declaration). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.()-]+)/i.exec(head)?.[1] ?? /^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)/i.exec(head)?.[1] ?? null;
}

/** Page chrome by role or tag, removed before Readability so it is never mistaken for the article. */
const CHROME_SELECTOR = ['nav', 'footer', 'aside', 'dialog', '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[role="dialog"]', '[role="alertdialog"]', '[role="search"]', '[hidden]', '[aria-hidden="true"]'].join(',');

/** Words in a class or id that mark a consent banner, an ad or a share bar (matched as whole words). */
const CHROME_WORDS = new Set([
  'ad', 'ads', 'adsbygoogle', 'advert', 'advertisement', 'banner-ad', 'breadcrumb', 'breadcrumbs', 'consent', 'cookie', 'cookies', 'gdpr', 'newsletter', 'outbrain',
  'paywall', 'popup', 'promo', 'related', 'share', 'sharing', 'social', 'sponsored', 'subscribe', 'taboola',
]);

function isChromeByName(element: Element): boolean {
  const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase().split(/[^a-z0-9]+/);
  return words.some((word) => CHROME_WORDS.has(word));
}

/**
 * Removes page chrome, but never what holds the article: an element that is or contains
 * <article>/<main>, or holds half the page's text, stays whatever its class says ("post has-ads").
 */
function removeChrome(document: Document): void {
  const body = document.body;
  if (!body) return;
  // Only in <body>: Readability reads <title> from <head> for its title.
  for (const element of body.querySelectorAll([...NEVER_TEXT].join(','))) element.remove();
  const pageText = body.textContent?.length ?? 0;
  const holdsArticle = (element: Element) =>
    element === body || /^(article|main|body|html)$/i.test(element.nodeName) || element.querySelector('article, main, [itemprop="articleBody"]') !== null || (element.textContent?.length ?? 0) > pageText / 2;
  const chrome = new Set([...document.querySelectorAll(CHROME_SELECTOR)]);
  for (const element of body.querySelectorAll('[class], [id]')) if (isChromeByName(element)) chrome.add(element);
  for (const element of chrome) if (element.isConnected && !holdsArticle(element)) element.remove();
}

/**
 * Readability's time grows about with the cube of the nesting depth on linkedom (300 levels: 1 s,
 * 1,000: 33 s). Real article pages nest 20–60 deep; deeper than this is generated or hostile, and
 * is read whole (without its chrome) instead.
 */
const MAX_READABILITY_DEPTH = 150;

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

function parseDocument(html: string): Document {
  // linkedom's types are its own; its document implements the DOM interfaces Readability uses.
  return (parseHTML(html) as unknown as { document: Document }).document;
}

export function parseHtml(bytes: Uint8Array): ParsedArticle {
  const html = decodeText(bytes, { declaredCharset: declaredCharset(bytes), markup: true });
  const document = parseDocument(html);
  const facts = readPageFacts(document, html);
  removeChrome(document);
  const readable = document.body !== null && nestingDepth(document.body, MAX_READABILITY_DEPTH) <= MAX_READABILITY_DEPTH;
  const article = readable ? new Readability(document as unknown as ReadabilityDocument, { serializer: (node: Node) => node, disableJSONLD: true, charThreshold: 200 }).parse() : null;
  let paragraphs = article?.content ? htmlParagraphs(article.content) : [];
  // Readability finds nothing on some pages (a bare list of paragraphs, a saved excerpt): then the
  // whole page without its chrome is the article. It rewrote the document, so parse it again.
  if (paragraphs.length === 0 && readable) {
    const page = parseDocument(html);
    removeChrome(page);
    paragraphs = page.body ? htmlParagraphs(page.body) : [];
  } else if (!readable && document.body) paragraphs = htmlParagraphs(document.body);

  const metadata = resolveMetadata(facts, { title: article?.title ?? null, byline: article?.byline ?? null, publishedTime: article?.publishedTime ?? null });
  const headline = paragraphs[0];
  if (metadata.title && headline !== undefined) {
    // "Headline — Site Name" in <title> over an <h1> of just the headline: the <h1> is the title.
    const rest = metadata.title.startsWith(headline) ? metadata.title.slice(headline.length) : null;
    if (rest && /^\s*[-–—|»/·]\s*\S/.test(rest) && headline.length >= 10) metadata.title = headline;
    // The headline is the title; repeated as the body's first line it would be read (and searched) twice.
    if (sameText(headline, metadata.title)) paragraphs.shift();
  }
  const body = canonicalizeText(paragraphs.join('\n\n'));
  if (body === '') throw new ImportRefused('is a web page with no article text in it (only scripts, images or page chrome). Save the article page itself and import it again.');
  return { ...metadata, body };
}
