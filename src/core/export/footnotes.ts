import type { FootnoteDefinition, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { ExportOptions } from '../../shared/api/export';
import { quotedWords } from '../../shared/domain/translation';
import type { ResolvedCitation } from './citationResolver';
import type { CitedSource } from './csl';
import type { PandocCitation } from './serializeMarkdown';

/**
 * What a citation becomes. Footnotes style: a footnote with the quoted passage, then the source
 * written out (author, "title", *outlet*, date), then a link back into Marginalia; citations of the
 * same passage share one. Pandoc style (issue 15): the citation itself, `[@citekey, “quote” link]`
 * in the text, so that citeproc makes it the footnote in a note style (Chicago notes) and a
 * parenthesis in an author-date style (APA); a footnote of our own around it would put the
 * parenthesis inside a footnote and double the final period. The quote and the link go in the
 * citation's suffix, which both kinds of style print after the source.
 */

const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** A passage spanning paragraphs keeps its breaks as line breaks: a footnote is one paragraph. */
function quoteContent(quote: string): PhrasingContent[] {
  const lines = quote.split(/\n+/u);
  const out: PhrasingContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) out.push({ type: 'break' });
    out.push(text(`${index === 0 ? '“' : ''}${line}${index === lines.length - 1 ? '”' : ''}`));
  });
  return out;
}

const oneLine = (words: string) => words.replace(/\s*\n\s*/gu, ' ');

/** The quote as the export's quote mode writes it (issue 14): “original” [translation], or either alone. */
function citedWords(citation: ResolvedCitation, options: ExportOptions): PhrasingContent[] {
  const { quote, bracketed } = quotedWords(citation.quote!, citation.translation, options.quotes);
  const out = quoteContent(quote);
  if (bracketed !== null) out.push(text(` [${oneLine(bracketed)}]`));
  return out;
}

/** "Fatima Hasanova, “Title”, *AzerNews*, 2023-01-11" */
export function writtenOutSource(source: CitedSource): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  if (source.author) out.push(text(`${source.author}, `));
  out.push(text(`“${source.title}”`));
  if (source.outlet) out.push(text(', '), { type: 'emphasis', children: [text(source.outlet)] });
  if (source.publishedAt) out.push(text(`, ${source.publishedAt}`));
  return out;
}

function whatIsGone(citation: ResolvedCitation): string | null {
  if (!citation.source.inLibrary) return 'The source has since been deleted from the library.';
  if (citation.passage === 'deleted') return 'The highlighted passage has since been deleted; the link opens the source.';
  return null;
}

const deepLink = (url: string): PhrasingContent => ({ type: 'link', url, title: null, children: [text('Open in Marginalia')] });

export function footnoteDefinition(identifier: string, citation: ResolvedCitation, options: ExportOptions): FootnoteDefinition {
  const children: PhrasingContent[] = [];
  if (citation.quote !== null) children.push(...citedWords(citation, options), text(' — '));
  children.push(...writtenOutSource(citation.source));
  const gone = options.deletedNotes ? whatIsGone(citation) : null;
  children.push(text(gone ? `. (${gone})` : '.'));
  if (citation.deepLink && options.deepLinks) children.push(text(' '), deepLink(citation.deepLink));
  return { type: 'footnoteDefinition', identifier, label: identifier, children: [{ type: 'paragraph', children }] };
}

/** The Pandoc citation in the text: key, then the quote, the link and what is gone as its suffix. */
export function pandocCitation(citation: ResolvedCitation, citekey: string, options: ExportOptions): PandocCitation {
  const suffix: PhrasingContent[] = [];
  if (citation.quote !== null) {
    const { quote, bracketed } = quotedWords(citation.quote, citation.translation, options.quotes);
    suffix.push(text(`“${oneLine(quote)}”${bracketed === null ? '' : ` [${oneLine(bracketed)}]`}`));
  }
  const gone = options.deletedNotes ? whatIsGone(citation) : null;
  if (gone) suffix.push(text(`${suffix.length > 0 ? ' ' : ''}(${gone.replace(/\.$/, '').replace('; the link opens the source', '')})`));
  if (citation.deepLink && options.deepLinks) suffix.push(text(suffix.length > 0 ? ' ' : ''), deepLink(citation.deepLink));
  return { type: 'pandocCitation', keys: [citekey], children: suffix };
}

/** The footnotes style's bibliography: each cited source once, in order of first citation. */
export function bibliographySection(heading: string, sources: readonly CitedSource[]): RootContent[] {
  if (heading.trim() === '' || sources.length === 0) return [];
  const items: ListItem[] = sources.map((source) => {
    const children = [...writtenOutSource(source)];
    if (source.url) children.push(text(', '), { type: 'link', url: source.url, title: null, children: [text(source.url)] });
    children.push(text('.'));
    return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] };
  });
  return [
    { type: 'heading', depth: 2, children: [text(heading.trim())] },
    { type: 'list', ordered: false, spread: false, children: items },
  ];
}
