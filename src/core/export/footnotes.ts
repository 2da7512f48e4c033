import type { FootnoteDefinition, PhrasingContent } from 'mdast';
import type { ExportStyle } from '../../shared/api/export';
import type { ResolvedCitation } from './citationResolver';

/**
 * The footnote a citation becomes. Footnotes style: the quoted passage, then the source written
 * out (author, "title", *outlet*, date), then a link back into Marginalia. Pandoc style: the same
 * note, with `[@citekey]` in place of the written-out source so citeproc formats it in the
 * chosen citation style, and the source goes to the bibliography. In both styles every citation
 * is a footnote, and citations of the same passage share one.
 *
 * Why the Pandoc style puts the quote and the citation in a footnote, not `[@key, "quote"]` in the
 * text: a long quote inside an author-date parenthesis reads badly, a suffix cannot carry the link
 * back to the passage, and with a note style (Chicago notes) citeproc fills our footnote instead of
 * adding a second one beside it.
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

/** "Fatima Hasanova, “Title”, *AzerNews*, 2023-01-11" */
function writtenOutSource({ source }: ResolvedCitation): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  if (source.author) out.push(text(`${source.author}, `));
  out.push(text(`“${source.title}”`));
  if (source.outlet) out.push(text(', '), { type: 'emphasis', children: [text(source.outlet)] });
  if (source.publishedAt) out.push(text(`, ${source.publishedAt}`));
  return out;
}

function whatIsGone(citation: ResolvedCitation): string {
  if (!citation.source.inLibrary) return ' (The source has since been deleted from the library.)';
  if (citation.passage === 'deleted') return ' (The highlighted passage has since been deleted; the link opens the source.)';
  return '';
}

export function footnoteDefinition(identifier: string, citation: ResolvedCitation, style: ExportStyle, citekey: string): FootnoteDefinition {
  const children: PhrasingContent[] = [];
  if (citation.quote !== null) children.push(...quoteContent(citation.quote), text(style === 'pandoc' ? ' ' : ' — '));
  if (style === 'pandoc') children.push({ type: 'pandocCitation', keys: [citekey] });
  else children.push(...writtenOutSource(citation));
  children.push(text(`.${whatIsGone(citation)}`));
  if (citation.deepLink) children.push(text(' '), { type: 'link', url: citation.deepLink, title: null, children: [text('Open in Marginalia')] });
  return { type: 'footnoteDefinition', identifier, label: identifier, children: [{ type: 'paragraph', children }] };
}
