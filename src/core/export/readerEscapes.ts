import type { Unsafe } from 'mdast-util-to-markdown';

/**
 * What mdast-util-to-markdown must escape beyond CommonMark and GFM, so that Pandoc's default
 * `markdown` reader, `pandoc -f gfm` (with its emoji) and Obsidian show the words as written
 * (issue 15). The library escapes a matched ASCII punctuation character with a backslash, which
 * every one of these readers removes again; nothing here escapes a character where it means
 * nothing (a lone `-`, a `#` before a space), so the file stays readable as text.
 *
 * Patterns only apply in phrasing (the words of paragraphs, headings, list items, link text),
 * never in URLs or code.
 */
const phrasing = (character: string, extra: Omit<Unsafe, 'character' | 'inConstruct'> = {}): Unsafe => ({ character, inConstruct: 'phrasing', ...extra });

export const READER_ESCAPES: Unsafe[] = [
  // Pandoc: `\temp` is raw TeX (dropped), `\ ` a non-breaking space, `\*` an escape. Every backslash.
  phrasing('\\'),
  // Pandoc: `@key` is a citation, `^x^` superscript and `^[…]` an inline note, `~x~` subscript.
  phrasing('@'),
  phrasing('^'),
  phrasing('~'),
  // Pandoc (smart): `--` an en dash, `---` an em dash, `...` an ellipsis, straight quotes curly.
  phrasing('-', { after: '(?=-)' }),
  phrasing('.', { after: '(?=\\.\\.)' }),
  phrasing('"'),
  phrasing("'"),
  // Pandoc: `$x$` is TeX math (an opening `$` is followed by a non-space).
  phrasing('$', { after: '(?=\\S)' }),
  // Pandoc: `{#id}` after a heading's words or `{.class}` after a span or code are attributes.
  { character: '{', inConstruct: 'headingAtx' },
  phrasing('{', { before: '[\\]`)]' }),
  // pandoc -f gfm: `:smile:` is an emoji.
  phrasing(':', { after: '(?=[A-Za-z_+\\-][A-Za-z0-9_+\\-]*:)' }),
  // Obsidian: `%%…%%` is a comment, `==…==` a highlight, `#word` a tag anywhere (`[[` is escaped
  // by the library already, as is every `[`).
  phrasing('%', { after: '(?=%)' }),
  phrasing('=', { after: '(?==)' }),
  phrasing('#', { after: '(?=[^\\s#])' }),
  // Pandoc at the start of a line: fancy lists (`a.`, `i.`, `a)`, `(1)`, `(@)`, `#.`), definitions
  // and fenced divs (`:`), line blocks (`|`), a title block (`%`).
  { atBreak: true, before: '[A-Za-z]+', character: '.', after: '(?:[ \\t\\r\\n]|$)' },
  { atBreak: true, before: '[A-Za-z]+', character: ')', after: '(?:[ \\t\\r\\n]|$)' },
  { atBreak: true, character: '(', after: '(?=(?:[A-Za-z0-9]+|@[A-Za-z0-9_-]*|#)\\))' },
  { atBreak: true, character: '#' },
  { atBreak: true, character: ':' },
  { atBreak: true, character: '|' },
  { atBreak: true, character: '%' },
];
