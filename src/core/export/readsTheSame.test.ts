import { spawnSync } from 'node:child_process';
import { decodeHTML } from 'entities';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportNote } from './exportNote';
import type { Json } from './lexicalFixtures';
import { br, h, li, list, p, quote, state, text } from './lexicalFixtures';
import { addNote, openTestLibrary, type TestLibrary } from '../../../tests/support/library';

/**
 * Markdown that reads the same everywhere (issue 15): golden notes in five scripts, full of
 * characters Pandoc's default `markdown` reader, GFM or Obsidian give meaning to, are exported and
 * rendered by `pandoc -f markdown`, `pandoc -f gfm` and `cmark-gfm`; the words each shows must be
 * the note's words, character for character. Obsidian cannot be run here: its constructs are
 * checked in the Markdown itself (nothing of `%%`, `==`, `[[`, `#tag` is left unescaped).
 */

/** Paragraphs whose words mean something to one reader or another. */
export const GOLDEN_LINES = [
  // Latin
  'Backslashes: C:\\temp\\new and \\\\server\\share, a \\ b, \\emph{x}, end\\',
  'Write to @AzerNewsAz, see [@key] or -@key, mail info@report.az',
  'Powers x^2^ and H~2~O, ~~not struck~~, ~one~ and ^[not a note]',
  'Dashes: -- and --- and ---- and a - b; 1990-1991, not-a-dash',
  'Obsidian: %%not hidden%% and ==not marked== and [[Wiki link]] ![[embed]]',
  'Tags: #Лачин in mid-line, #Lachin_corridor, C# and #1 and # alone',
  'Quotes: "double" and \'single\', don\'t, rock \'n\' roll',
  'Ellipsis... and four.... dots',
  'Money: $5 and $x$ and $$y$$ and 5$',
  'Emoji :smile: and :+1: and a time 10:30:45',
  'Braces {ничего} [span]{.red} `code`{.x} <b>tag</b> &amp; &copy; &#42;',
  'Stars *a* _b_ __c__ **d** snake_case_word 2*3*4',
  'Footnote-like [^1] and text [link](https://x.example) <https://y.example>',
  '- not a list',
  '+ plus',
  '* star',
  '1. one',
  '1) one',
  'a. letter',
  'i. roman',
  '(1) parenthesised',
  '(@) example',
  '#. hash list',
  ': colon',
  '| pipe | cell |',
  '> not a quote',
  '~~~ tilde',
  '``` fence',
  '% title line',
  '=== equals',
  '::: div',
  '<div>block</div>',
  '   three leading spaces',
  '    four leading spaces',
  // Cyrillic
  'Лачинский коридор — «блокада»? -- нет... @РИА_Новости, #блокада, ==важно==',
  // Armenian (with its comma ՝, full stop ։ and exclamation ՜)
  'Լաչինի միջանցքը՝ շրջափակման մեջ։ «Արմենպրես» ~ @armenpress #Լաչին',
  // Azerbaijani
  'İrəvanın iddiaları — Şuşa, Ağdam, Xankəndi; “eko-aktivistlər” %%qeyd%%',
  // Urdu (right to left, with a zero-width non-joiner and Urdu digits)
  'لاچین راہداری کی ناکہ بندی؛ ‌«خبر» — ۲۰۲۳ #لاچین @خبر',
];

const TITLE = 'Lachin: @AzerNewsAz -- "50%" & C:\\temp #tag';

function goldenNote(): { blocks: Json[]; expected: string[] } {
  const blocks: Json[] = GOLDEN_LINES.map((line) => p(text(line)));
  blocks.push(h(2, text('A heading {#id} with x^2^ and @cite #')));
  blocks.push(quote(text('A quote -- with %%two%% lines'), br(), text('  and @this one')));
  blocks.push(list('bullet', 1, li(1, text('an item with [[link]] and ==mark==')), li(2, text('1. and a number'))));
  const expected = [
    TITLE,
    ...GOLDEN_LINES,
    'A heading {#id} with x^2^ and @cite #',
    'A quote -- with %%two%% lines\n  and @this one',
    'an item with [[link]] and ==mark==',
    '1. and a number',
  ];
  return { blocks, expected };
}

function run(command: string, args: string[], input: string): string {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

const has = (command: string) => spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0;
const hasPandoc = has('pandoc');
const hasCmark = has('cmark-gfm');

/**
 * The words of each block (heading, paragraph, list item) of an HTML rendering, in order: tags
 * removed, character references decoded, a line break as "\n". A run of spaces counts as one
 * space (Pandoc keeps no runs, and HTML shows none); no other white space is normalised, so an
 * indent that was dropped, or a space made non-breaking, fails.
 */
function visibleBlocks(html: string): string[] {
  const blocks: string[] = [];
  const pattern = /<(h[1-6]|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (const match of html.matchAll(pattern)) {
    const inner = match[2]!.replace(/<br\s*\/?>\n?/g, '\n').replace(/<[^>]+>/g, '');
    blocks.push(singleSpaces(decodeHTML(inner).replace(/^\n+|\n+$/g, '')));
  }
  return blocks;
}

const singleSpaces = (value: string): string => value.replace(/ {2,}/g, ' ');

/** Where Obsidian would still find meaning: its constructs once escapes and references are taken out. */
export function obsidianConstructs(markdown: string): string[] {
  const found: string[] = [];
  for (const line of markdown.split('\n')) {
    const bare = line.replace(/\\[\s\S]|&#?[A-Za-z0-9]+;/g, '_').replace(/^#{1,6} /, '');
    for (const pattern of [/%%/, /==/, /\[\[/, /(?<![\p{L}\p{N}_])#[^\s#]/u]) {
      const match = pattern.exec(bare);
      if (match) found.push(`${match[0]} in: ${line}`);
    }
  }
  return found;
}

let library: TestLibrary;
beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => library.cleanup());

function exportGolden(): { markdown: string; expected: string[] } {
  const { blocks, expected } = goldenNote();
  const noteId = addNote(library.db, TITLE, state(...blocks));
  return { markdown: exportNote(library.db, noteId, { style: 'footnotes' }).markdown, expected };
}

describe('Markdown that reads the same everywhere', () => {
  it('leaves nothing Obsidian gives meaning to unescaped, and shows no stray escapes to a reader of the file', () => {
    const { markdown } = exportGolden();
    expect(obsidianConstructs(markdown)).toEqual([]);
    // A lone dash, a dash between words and a dash in a date need no backslash.
    expect(markdown).toContain('a - b; 1990-1991, not-a-dash');
  });

  const readers: [string, boolean, string, string[]][] = [
    ['pandoc -f markdown', hasPandoc, 'pandoc', ['-f', 'markdown', '-t', 'html', '--wrap=none']],
    ['pandoc -f gfm', hasPandoc, 'pandoc', ['-f', 'gfm', '-t', 'html', '--wrap=none']],
    ['cmark-gfm', hasCmark, 'cmark-gfm', ['-e', 'footnotes', '-e', 'strikethrough', '-e', 'autolink', '-e', 'table', '-e', 'tasklist', '-t', 'html']],
  ];
  for (const [name, available, command, args] of readers) {
    const skip = available ? '' : ` [SKIPPED: ${command} is not on PATH; apt-get install ${command === 'pandoc' ? 'pandoc' : 'cmark-gfm'}]`;
    it.skipIf(!available)(`${name} shows every block's words as the note has them${skip}`, () => {
      const { markdown, expected } = exportGolden();
      const shown = visibleBlocks(run(command, args, markdown));
      // Compared one by one, so a failure names the block.
      expect(shown.length).toBe(expected.length);
      expect(shown).toEqual(expected.map(singleSpaces));
    });
  }
});
