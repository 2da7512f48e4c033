import type { FootnoteReference, Heading, PhrasingContent, RootContent } from 'mdast';
import type { ExportedBibliography, ExportOptions, ExportStyle, NoteExport } from '../../shared/api/export';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/api/export';
import { ApiError } from '../../shared/api/errors';
import type { Db } from '../db/db';
import { formatBibtex } from './bibtex';
import type { CitationResolver, ResolvedCitation } from './citationResolver';
import { createCitationResolver } from './citationResolver';
import { assignCitekeys } from './citekeys';
import type { CitedSource, CslItem } from './csl';
import { formatCslJson, toCslItem } from './csl';
import { bibliographySection, footnoteDefinition, pandocCitation } from './footnotes';
import { lexicalToMdast, NoteFormatError, parseEditorState } from './lexicalToMdast';
import type { ExportableNote } from './noteRows';
import { getExportableNote } from './noteRows';
import { safeFileStem } from './safeFileName';
import { escapeInline, frontMatter, serializeMarkdown } from './serializeMarkdown';

/**
 * A note to Markdown in two passes: first the note's tree is built and its citations resolved
 * (footnote numbers in order of first appearance, one per passage), then, once every cited source
 * of the export is known and has its final citekey, the footnotes and the file are written. Export
 * of every note at once (exportFolder.ts) runs the first pass over all notes before the second, so
 * one bibliography serves them all.
 */
export interface PreparedNote {
  note: ExportableNote;
  blocks: RootContent[];
  /** In footnote order; identifier "1", "2", … */
  footnotes: { identifier: string; citation: ResolvedCitation }[];
}

export function prepareNote(note: ExportableNote, resolve: CitationResolver): PreparedNote {
  const footnotes: PreparedNote['footnotes'] = [];
  const byShareKey = new Map<string, string>();
  const cite = (citation: Parameters<CitationResolver>[0] | null): PhrasingContent[] => {
    if (citation === null) return [{ type: 'text', value: '[a citation that could not be read]' }];
    const resolved = resolve(citation);
    let identifier = byShareKey.get(resolved.shareKey);
    if (identifier === undefined) {
      identifier = String(footnotes.length + 1);
      byShareKey.set(resolved.shareKey, identifier);
      footnotes.push({ identifier, citation: resolved });
    }
    const reference: FootnoteReference = { type: 'footnoteReference', identifier, label: identifier };
    return [reference];
  };
  try {
    return { note, blocks: lexicalToMdast(parseEditorState(note.editorState, `Note ${note.id} ("${note.title}")`), cite), footnotes };
  } catch (error) {
    if (error instanceof NoteFormatError) throw new ApiError('invalid_request', error.message);
    throw error;
  }
}

export interface Bibliography {
  /** Final citekey of every cited source, by source id. */
  keys: Map<number, string>;
  items: CslItem[];
}

/** One entry per cited source across the given notes, each under its final citekey. */
export function buildBibliography(notes: readonly PreparedNote[]): Bibliography {
  const cited = notes.flatMap((prepared) => prepared.footnotes.map(({ citation }) => citation.source));
  const keys = assignCitekeys(cited.map((source) => ({ sourceId: source.sourceId, inLibrary: source.inLibrary, wanted: source.citekey })));
  const seen = new Set<number>();
  const items: CslItem[] = [];
  for (const source of cited) {
    if (seen.has(source.sourceId)) continue;
    seen.add(source.sourceId);
    items.push(toCslItem({ ...source, citekey: keys.get(source.sourceId)! }));
  }
  return { keys, items };
}

const plainText = (children: PhrasingContent[]): string =>
  children.map((child) => ('value' in child ? child.value : 'children' in child ? plainText(child.children) : '')).join('');

/** The tree with each footnote reference replaced, in place of its kind, by what `replace` gives. */
function replaceReferences(nodes: RootContent[], replace: (identifier: string) => PhrasingContent): RootContent[] {
  return nodes.map((node) => {
    if (node.type === 'footnoteReference') return replace(node.identifier);
    if ('children' in node) return { ...node, children: replaceReferences(node.children as RootContent[], replace) } as RootContent;
    return node;
  });
}

/** Each cited source once, in order of first citation, under its final key. */
function citedSources(footnotes: PreparedNote['footnotes'], keys: Map<number, string>): CitedSource[] {
  const seen = new Map<number, CitedSource>();
  for (const { citation } of footnotes) {
    if (!seen.has(citation.source.sourceId)) seen.set(citation.source.sourceId, { ...citation.source, citekey: keys.get(citation.source.sourceId) ?? citation.source.citekey });
  }
  return [...seen.values()];
}

/**
 * Footnotes style: the title as a level-1 heading (the file must say what it is once its name is
 * changed), unless the note already opens with it; then the note, its footnotes, and the cited
 * sources under the bibliography heading. Pandoc style: the title goes in the front matter, beside
 * the bibliography and its heading (`reference-section-title`), where Pandoc reads them; each
 * citation is a Pandoc citation in the text.
 */
export function renderNote(
  prepared: PreparedNote,
  style: ExportStyle,
  keys: Map<number, string>,
  bibliographyFileName: string | null,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
): string {
  const { note, blocks, footnotes } = prepared;
  const keyOf = (citation: ResolvedCitation) => keys.get(citation.source.sourceId) ?? citation.source.citekey;
  const head: RootContent[] = [];
  if (style === 'pandoc') {
    const heading = options.bibliographyHeading.trim();
    head.push(
      frontMatter({
        title: escapeInline(note.title),
        ...(bibliographyFileName ? { bibliography: bibliographyFileName } : {}),
        ...(heading !== '' && footnotes.length > 0 ? { 'reference-section-title': escapeInline(heading) } : {}),
      }),
    );
    const byIdentifier = new Map(footnotes.map(({ identifier, citation }) => [identifier, citation]));
    const body = replaceReferences(blocks, (identifier) => pandocCitation(byIdentifier.get(identifier)!, keyOf(byIdentifier.get(identifier)!), options));
    return serializeMarkdown([...head, ...body]);
  }
  const first = blocks[0];
  const opensWithTitle = first?.type === 'heading' && first.depth === 1 && plainText(first.children).trim() === note.title.trim();
  if (!opensWithTitle) head.push({ type: 'heading', depth: 1, children: [{ type: 'text', value: note.title }] } satisfies Heading);
  const definitions = footnotes.map(({ identifier, citation }) => footnoteDefinition(identifier, citation, options));
  return serializeMarkdown([...head, ...blocks, ...bibliographySection(options.bibliographyHeading, citedSources(footnotes, keys)), ...definitions]);
}

export function bibliographyFiles(bibliography: Bibliography, stem: string): ExportedBibliography {
  return { jsonFileName: `${stem}.json`, json: formatCslJson(bibliography.items), bibFileName: `${stem}.bib`, bib: formatBibtex(bibliography.items) };
}

export interface ExportNoteOptions extends Partial<ExportOptions> {
  style: ExportStyle;
  /** The file name without extension; by default one made safe from the note's title. */
  stem?: string;
}

/** One note as Markdown; for the pandoc style with its bibliography, named `stem.json` in the front matter. */
export function exportNote(db: Db, noteId: number, { style, stem, ...options }: ExportNoteOptions): NoteExport {
  const note = getExportableNote(db, noteId);
  const prepared = prepareNote(note, createCitationResolver(db));
  const bibliography = buildBibliography([prepared]);
  const fileStem = stem ?? safeFileStem(note.title, `Note ${note.id}`);
  const files = style === 'pandoc' ? bibliographyFiles(bibliography, fileStem) : null;
  return {
    fileName: `${fileStem}.md`,
    markdown: renderNote(prepared, style, bibliography.keys, files?.jsonFileName ?? null, { ...DEFAULT_EXPORT_OPTIONS, ...options }),
    bibliography: files,
  };
}
