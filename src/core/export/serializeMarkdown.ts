import type { Node, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Info, State } from 'mdast-util-to-markdown';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Options } from 'mdast-util-to-markdown';
import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify as stringifyYaml } from 'yaml';
import { READER_ESCAPES } from './readerEscapes';

/**
 * Markdown out of an mdast tree, by mdast-util-to-markdown with GFM (footnotes, strikethrough, task
 * lists) and YAML front matter: the library escapes every character that would mean something
 * (* _ [ ] # < ` …), so no Markdown is assembled by hand. The one construct mdast lacks, a Pandoc
 * citation `[@key]`, is a node of our own with a handler below.
 */

/**
 * A Pandoc citation of one or more sources, `[@key, suffix]`. Keys must pass `isPandocCitekey`
 * (see citekeys.ts); the suffix (children) is phrasing, escaped as any other.
 */
export interface PandocCitation extends Parent {
  type: 'pandocCitation';
  keys: string[];
  children: PhrasingContent[];
}

/**
 * A tag that Obsidian and Logseq should read as a tag: written as it is, `#word`, where the same
 * characters in text are escaped. Its `tag` must come from `hashtag` (exportSourceHighlights.ts):
 * letters, digits, `_`, `/` and single dashes only.
 */
export interface Hashtag extends Node {
  type: 'hashtag';
  tag: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    pandocCitation: PandocCitation;
    hashtag: Hashtag;
  }
  interface RootContentMap {
    pandocCitation: PandocCitation;
    hashtag: Hashtag;
  }
}

/**
 * Pandoc ends a bare key at trailing punctuation (`@key.` cites "key"), so such keys are braced,
 * `@{key.}`. Keys are restricted to letters, digits and _ : . - before they reach this, so nothing
 * else needs escaping.
 */
function citeKey(key: string): string {
  return /[A-Za-z0-9_]$/.test(key) ? `@${key}` : `@{${key}}`;
}

/**
 * `[@key]`, with a space before it where it follows a word: Pandoc moves a note citation after the
 * following punctuation only when a space precedes it, and an author-date parenthesis needs one.
 * After punctuation (`RIA: [@key]; …`) no space is added: Pandoc would move the `;` before the
 * footnote mark, after the colon.
 * A `]` in the suffix is escaped (the suffix is written as a label), so it cannot end the citation.
 */
function citationHandler(node: PandocCitation, _parent: unknown, state: State, info: Info): string {
  const space = /[\p{L}\p{M}\p{N}”’»)\]*_`]$/u.test(info.before) ? ' ' : '';
  let suffix = '';
  if (node.children.length > 0) {
    const exit = state.enter('label');
    suffix = `, ${state.containerPhrasing(node, { ...info, before: ', ', after: ']' })}`;
    exit();
  }
  return `${space}[${node.keys.map(citeKey).join('; ')}${suffix}]`;
}

const pandocCitations: Options = {
  handlers: {
    pandocCitation: citationHandler,
    hashtag: (node: Hashtag) => node.tag,
  },
  unsafe: [
    // `[@key]: …` at the start of a line would read as a link reference definition, `[@key](…)`
    // as a link and `[@key][…]` as a reference link: escape what follows a closing bracket.
    { character: ':', before: '\\]', inConstruct: 'phrasing' },
    { character: '(', before: '\\]', inConstruct: 'phrasing' },
    { character: '[', before: '\\]', inConstruct: 'phrasing' },
  ],
};

const OPTIONS: Options = {
  extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml']), pandocCitations, { unsafe: READER_ESCAPES }],
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
  // Always [text](url): Pandoc does not know the marginalia: scheme and would not read <marginalia://…>.
  resourceLink: true,
};

export function serializeMarkdown(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  return toMarkdown(root, OPTIONS);
}

/** Text as Markdown inline content, escaped by the library (Pandoc reads YAML metadata strings as Markdown). */
export function escapeInline(text: string): string {
  return toMarkdown({ type: 'paragraph', children: [{ type: 'text', value: text }] }, OPTIONS).replace(/\n$/, '');
}

/** A YAML front matter node; values are written by the `yaml` library, which quotes what YAML needs quoted. */
export function frontMatter(fields: Record<string, string | boolean>): RootContent {
  return { type: 'yaml', value: stringifyYaml(fields, { lineWidth: 0 }).replace(/\n$/, '') };
}
