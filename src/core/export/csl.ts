/**
 * The one mapping from a cited source to a bibliography entry, as CSL-JSON (the format Pandoc's
 * citeproc reads natively). The BibTeX file is written from these entries (bibtex.ts), so the two
 * bibliographies cannot disagree.
 */

/** A source as a bibliography needs it: its current metadata, or the citation's snapshot when it was deleted. */
export interface CitedSource {
  sourceId: number;
  /** False when the source was deleted from the library: its metadata is then the citation's snapshot. */
  inLibrary: boolean;
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
  /** The importer made the title from the first sentence: written in [square brackets], as a supplied title is. */
  titleDerived: boolean;
  /** Unique within one export (see citekeys.ts). */
  citekey: string;
}

export type CslName = { family: string; given: string } | { literal: string };

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  author?: CslName[];
  issued?: { 'date-parts': [[number, number, number]] };
  URL?: string;
  language?: string;
}

/**
 * A byline as CSL names. Bylines come in many scripts and orders, and a wrongly split name is worse
 * in a bibliography than an unsplit one, so only two shapes are split: "Family, Given" (the comma
 * says which is which) and two words ("Fatima Hasanova": given then family, as bylines are
 * written). Everything else (one word, an agency, three or more words: "Maria del Carmen
 * Sánchez") stays whole, as a literal name. Several authors may be joined by "and", "&" or ";".
 *
 * A name in a script citeproc does not split is literal too (issue 14): citeproc (Pandoc's and
 * citeproc-js alike) puts the space between given and family names only for "romanesque" scripts
 * (Latin, Greek, Cyrillic, Hebrew, Arabic, Thai), and runs the parts of any other together as it
 * does for Chinese: Pandoc 2.17 prints {family: Հակոբյան, given: Անի} as "ՀակոբյանԱնի" and a
 * Georgian name the same way. Written literal, the name prints as the byline has it.
 */
const ROMANESQUE_NAME = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Thai}\p{M}\p{N}\p{P}\p{Zs}]*$/u;

export function parseByline(byline: string): CslName[] {
  return byline
    .split(/\s+(?:and|&)\s+|\s*;\s*/u)
    .map((name) => name.trim().replace(/\s+/gu, ' '))
    .filter((name) => name !== '')
    .map((name): CslName => {
      if (!ROMANESQUE_NAME.test(name)) return { literal: name };
      const comma = /^([^,]+),\s*([^,]+)$/u.exec(name);
      if (comma) return { family: comma[1]!.trim(), given: comma[2]!.trim() };
      const words = name.split(' ');
      if (words.length === 2 && words.every((word) => /^\p{L}[\p{L}\p{M}'’.-]*$/u.test(word))) return { family: words[1]!, given: words[0]! };
      return { literal: name };
    });
}

export function toCslItem(source: CitedSource): CslItem {
  const item: CslItem = { id: source.citekey, type: 'article-newspaper', title: source.titleDerived ? `[${source.title}]` : source.title };
  if (source.outlet) item['container-title'] = source.outlet;
  if (source.author) {
    const names = parseByline(source.author);
    if (names.length > 0) item.author = names;
  }
  const date = source.publishedAt ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(source.publishedAt) : null;
  if (date) item.issued = { 'date-parts': [[Number(date[1]), Number(date[2]), Number(date[3])]] };
  if (source.url) item.URL = source.url;
  if (source.language) item.language = source.language;
  return item;
}

/** CSL-JSON text: an array, entries in citekey order so the same library gives the same bytes. */
export function formatCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify([...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), null, 2)}\n`;
}
