import type { BlockContent, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { HighlightsExport } from '../../shared/api/export';
import type { Highlight } from '../../shared/domain/highlight';
import type { QuoteMode } from '../../shared/domain/translation';
import { quotedWords } from '../../shared/domain/translation';
import { sourceDeepLink } from '../../shared/text/deepLink';
import type { Db } from '../db/db';
import { listHighlights } from '../highlights/highlightRows';
import { getSource } from '../sources';
import { safeFileStem } from './safeFileName';
import { serializeMarkdown } from './serializeMarkdown';

/**
 * One source's highlights as Markdown, the way reading tools (Readwise, Kindle and Obsidian
 * highlight exports) lay them out: the article's details as a list, then each passage as a block
 * quote followed by its comment, its tags as #hashtags and a link back to the passage, with a rule
 * between passages. Passages no longer found in the text (orphans) come last, and say so.
 */

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const link = (url: string, label: string): PhrasingContent => ({ type: 'link', url, title: null, children: [text(label)] });

/** Paragraphs at blank lines, line breaks at single newlines: a quote or comment keeps its shape. */
function paragraphs(value: string): BlockContent[] {
  return value
    .split(/\n\s*\n/u)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => ({
      type: 'paragraph',
      children: block.split('\n').flatMap((line, index): PhrasingContent[] => (index === 0 ? [text(line)] : [{ type: 'break' }, text(line)])),
    }));
}

/**
 * A tag as a hashtag Obsidian and Logseq recognise: no spaces (they become "-") and no punctuation
 * but _ - /. Letters of every script stay as they are: #блокада, #Լաչին. Dashes are single (Pandoc
 * would read `--` as a dash).
 */
export function hashtag(tag: string): string {
  return `#${tag.trim().replace(/\s+/gu, '-').replace(/[^\p{L}\p{M}\p{N}_/-]/gu, '').replace(/-{2,}/g, '-')}`;
}

/** The quote, and its translation in brackets after it, as the quote mode says (issue 14). */
function quoteBlocks(highlight: Highlight, quotes: QuoteMode): BlockContent[] {
  const { quote, bracketed } = quotedWords(highlight.exact, highlight.translation?.text ?? null, quotes);
  const blocks = paragraphs(quote);
  if (bracketed !== null) blocks.push(...paragraphs(`[${bracketed}]`));
  return blocks;
}

function highlightBlocks(highlight: Highlight, quotes: QuoteMode): RootContent[] {
  const blocks: RootContent[] = [{ type: 'blockquote', children: quoteBlocks(highlight, quotes) }];
  if (highlight.orphaned) blocks.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [text('This passage is no longer found in the text of the article.')] }] });
  if (highlight.comment.trim() !== '') blocks.push(...paragraphs(highlight.comment));
  const footer: PhrasingContent[] = [];
  const tags = highlight.tags.map(hashtag).filter((tag) => tag !== '#');
  if (tags.length > 0) {
    footer.push(text('Tags: '));
    tags.forEach((tag) => footer.push({ type: 'hashtag', tag }, text(' ')));
    footer.push(text('· '));
  }
  footer.push(link(sourceDeepLink(highlight.sourceId, highlight.id), 'Open in Marginalia'));
  blocks.push({ type: 'paragraph', children: footer });
  return blocks;
}

function detail(label: string, value: PhrasingContent | string | null): ListItem[] {
  if (value === null) return [];
  return [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(`${label}: `), typeof value === 'string' ? text(value) : value] }] }];
}

export function exportSourceHighlights(db: Db, sourceId: number, quotes: QuoteMode = 'both'): HighlightsExport {
  const source = getSource(db, sourceId);
  const highlights = listHighlights(db, sourceId);
  const details: ListItem[] = [
    ...detail('Author', source.author),
    ...detail('Outlet', source.outlet),
    ...detail('Published', source.publishedAt),
    ...detail('URL', source.url ? link(source.url, source.url) : null),
    ...detail('Citekey', source.citekey),
    ...detail('In Marginalia', link(sourceDeepLink(sourceId), 'Open in Marginalia')),
  ];
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text(source.title)] },
    { type: 'list', ordered: false, spread: false, children: details },
    { type: 'heading', depth: 2, children: [text(`Highlights (${highlights.length})`)] },
  ];
  if (highlights.length === 0) children.push({ type: 'paragraph', children: [text('No passages of this article are highlighted yet.')] });
  highlights.forEach((highlight, index) => {
    if (index > 0) children.push({ type: 'thematicBreak' });
    children.push(...highlightBlocks(highlight, quotes));
  });
  return { fileName: `${safeFileStem(source.title, `Source ${sourceId}`)} - highlights.md`, markdown: serializeMarkdown(children) };
}
