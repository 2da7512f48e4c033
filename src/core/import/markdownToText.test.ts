import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { blocksToText, paragraphsText, parseMarkdownTree } from './markdownToText';

/** The tree with every GFM extension, as parseMarkdownTree parsed before it left any out. */
const fullTree = (markdown: string) => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** Cases at the edges of what the autolink and table constructs start at, in several scripts. */
const CASES = [
  'The convoy waited at the Lacin checkpoint.\n\nA second paragraph: with a colon, and - a dash.',
  'Contact press@example.org or write to mailto:desk@example.am today.',
  'See www.example.com/a_b_(c) and WWW.EXAMPLE.AZ, or Https://news.example.ru/x?y=1.',
  'Not links: ww.example.com, htt://x, http//x, https;//x, an @ alone, foo@bar.',
  'A URL with emphasis-like marks: https://example.com/*foo* and www.example.com/_bar_ here.',
  '[a link](https://example.com) and <https://example.org> and ![alt](http://x/y.png)',
  'Escaped \\@ and &#64; and &commat; and `code@span` and `https://in.code`.',
  'a\n:-',
  'a\n-:',
  'a\n:-:\nb',
  'a | b\n--|--\n1 | 2',
  '| Outlet | Date |\n| --- | ---: |\n| AzerNews | 2022-12-12 |',
  'Not tables: a\n---\n\nb\n- -\n\nc : - d\n\ntime 10:30 - 11:00',
  'A dash-: here, and :- there, in a paragraph.',
  'Footnote[^1] and ~~struck~~ and ~one~.\n\n[^1]: The note, with www.example.com.',
  '- [ ] open task\n- [x] done task\n  - nested @ item',
  '> quoted https://example.com\n> and a | pipe',
  '    indented code with a | and an @\n\nafter',
  '```\nfenced | code\nhttps://x\n```',
  '<div>html | block</div>\n\n<span>www.example.com</span>',
  'Лачинский коридор: www.пример.рф и почта@пример.рф.',
  'Լաչինի միջանցք՝ https://armenpress.am/arm/news/1, մայիս։',
  'Laçın yolu: info@azertac.az | azertac.az',
  '# Heading with a | pipe\n\nText',
  'Setext heading\n===\n\nAnd a rule\n\n***\n\n- list\n\n1. ordered: -',
];

/** Documents made of Markdown's significant pieces, seeded, each leaving out some trigger pieces so both paths run. */
function generated(count: number): string[] {
  let seed = 20261204;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const common = ['word', ' ', ' ', '\n', '\n\n', '*', '_', '**', '`', '[', ']', '(', ')', '!', '#', '> ', '- ', '1. ', '~', '~~', '\\', '&amp;', '<b>', '</b>', '    ', ':', '-', '---', '[^1]', '[^1]: ', '[ ] ', 'é', 'ə', 'ş', 'ж', 'ն'];
  const triggers = ['@', 'www.', 'http:', 'https:', 'HTTP:', '|', ':-', '-:', 'a@b.co', 'www.x.am'];
  return Array.from({ length: count }, () => {
    const allowed = [...common, ...triggers.filter(() => next() < 0.25)];
    return Array.from({ length: 5 + Math.floor(next() * 60) }, () => allowed[Math.floor(next() * allowed.length)]).join('');
  });
}

describe('parseMarkdownTree', () => {
  it('reads every case exactly as with all five GFM extensions, positions included', () => {
    for (const markdown of CASES) expect(parseMarkdownTree(markdown), markdown).toEqual(fullTree(markdown));
  });

  it('reads 3,000 generated documents exactly as with all five GFM extensions', () => {
    for (const markdown of generated(3000)) expect(parseMarkdownTree(markdown), JSON.stringify(markdown)).toEqual(fullTree(markdown));
  });

  it('would read a table and a link differently without their extensions (so the cases above can tell)', () => {
    const withoutTable = (markdown: string) => fromMarkdown(markdown, { mdastExtensions: [gfmFromMarkdown()] });
    expect(withoutTable('a\n:-')).not.toEqual(fullTree('a\n:-'));
    expect(fullTree('a\n:-').children[0]!.type).toBe('table');
    expect(parseMarkdownTree('a\n:-').children[0]!.type).toBe('table');
    const url = 'https://example.com/*foo* here';
    expect(withoutTable(url)).not.toEqual(fullTree(url));
  });
});

/** Whether a tree is paragraphs of text alone: what plainMarkdownText may be used for. */
const onlyPlainParagraphs = (tree: Root) => tree.children.every((block) => block.type === 'paragraph' && block.children.every((inline) => inline.type === 'text'));

/** Prose pieces, the line starts of every block construct, spaces of every kind; now and then a mark of an inline construct. */
function generatedProse(count: number): string[] {
  let seed = 20261205;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const prose = ['Lachin', 'corridor', 'Лачинский', 'Լաչինի', 'Laçın', 'yolu', 'ə', '2022', '12', '1', '.', ',', ';', ':', '!', '?', '"', "'", '(', ')', '/', '$', '%', '^', '{', '}', '-', '+', '=', '#', '>', 'w', 'ww.', 'http', 'mail', '.com', ':/'];
  const spacing = [' ', ' ', ' ', '  ', '   ', '    ', '\n', '\n', '\n', '\n\n', '\n  \n', '\n    \n', '\u00a0', '\u2003', '\u2028', '\f'];
  const rare = ['*', '_', '[', ']', '&', '\t', '\r', '@', '|', '<', '`', '~', '\\', 'www.', 'https:', ':-', '-:', '\0', '\uFEFF'];
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 + Math.floor(next() * 80) }, () => {
      const roll = next();
      const pieces = roll < 0.004 ? rare : roll < 0.45 ? spacing : prose;
      return pieces[Math.floor(next() * pieces.length)];
    }).join(''),
  );
}

describe('paragraphsText', () => {
  const PLAIN = [
    'The convoy waited at the Lachin checkpoint.\n\nA second paragraph.',
    '  Indented up to three spaces,\n   and a line that continues it\nwith a lazy one.',
    'A paragraph\n  \n\n\nafter blank lines of spaces, ending in one space \nand going on.',
    'Лачинский коридор 12 декабря 2022 года.\n\nԼաչինի միջանցքը։ Laçın yolu bağlanıb!',
    'Numbers in text: 2022 was the year, 1 000 people, 12,5 % and item 3 of 10.',
    'Signs that start nothing mid-line: a - b, a + b, a = b, #1, a > b, 5 > 3, !, ^, $, {x}.',
    '\u00a0A paragraph opening with a no-break space\u00a0\n\u00a0and a line starting with one.',
    '\n\n\nLeading and trailing blank lines\n\n\n',
  ];
  /** Markup that stays inside its paragraph: each paragraph read alone reads as in the document. */
  const INLINE = [
    'An *emphasis*, a **strong** word and ~~struck~~ text.\n\nA [link](https://example.org "title") and ![an image](x.png).',
    'Escapes \\* and &amp; and &#64;, `code` and <b>inline html</b>, a hard  \nbreak and a backslash\\\nbreak.',
    'www.example.com, https://azertac.az/x and press@example.am in prose.\n\nAnd <https://armenpress.am>.',
    'Intro paragraph.\n\n# A heading later\n\nSetext heading\n===\n\n***\n\n> A quote\nlazily continued\n\nEnd.',
    'Intro.\n\n| Outlet | Date |\n| --- | ---: |\n| AzerNews | 2022-12-12 |\n\nAfter the table.',
    'A [reference][ref] without its definition and a footnote[^1] without its own.',
    'snake_case and a_b_c, 2*3*4, [sic], AT&T, a ~ b.',
  ];
  /** Constructs that reach past a blank line, or a definition read from anywhere: the whole tree is parsed. */
  const SPANNING = [
    '- item\n\n  still the item', '1. item', '   12) item', '* item', '+ item', '```\ncode\n\nmore code\n```', '~~~\ncode\n~~~',
    '<div>\n\nhtml\n</div>', '    indented code\n\n    more', '\tcode', '[ref]: https://example.org', '[^1]: A note.', 'old mac\rline', 'nul\0here', '\uFEFFbom',
  ];

  /** Plain prose around a text, longer than it, so that most of the whole is plain (else it is parsed whole). */
  const amidProse = (markdown: string) => {
    const prose = 'Plain words of a report on the corridor, '.repeat(Math.ceil(markdown.length / 40) + 1).trim();
    return `${prose}\n\n${markdown}\n\n${prose}`;
  };

  it('reads plain prose and paragraphs with markup exactly as the whole tree reads them', () => {
    for (const markdown of [...PLAIN, ...INLINE.map(amidProse)]) {
      const text = paragraphsText(markdown);
      expect(text, JSON.stringify(markdown)).not.toBeNull();
      expect(text, JSON.stringify(markdown)).toBe(blocksToText(fullTree(markdown).children));
    }
  });

  it('leaves text that is mostly markup to one parse of the whole', () => {
    for (const markdown of INLINE) expect(paragraphsText(markdown), JSON.stringify(markdown)).toBeNull();
  });

  it('reads plain prose without parsing it: plain paragraphs in the tree', () => {
    for (const markdown of PLAIN) expect(onlyPlainParagraphs(fullTree(markdown)), JSON.stringify(markdown)).toBe(true);
  });

  it('leaves the whole tree to the parser where a construct may reach past a blank line, and where the text opens with a heading (the title)', () => {
    for (const markdown of SPANNING) expect(paragraphsText(`Some words before.\n\n${markdown}\n\nand after.`), JSON.stringify(markdown)).toBeNull();
    expect(paragraphsText('# The title\n\nThe text.')).toBeNull();
    expect(paragraphsText('The title\n===\n\nThe text.')).toBeNull();
  });

  it('reads 8,000 generated texts as the tree does', () => {
    let read = 0;
    let marked = 0;
    for (const markdown of generatedProse(8000)) {
      const tree = fullTree(markdown);
      const text = paragraphsText(markdown);
      if (!onlyPlainParagraphs(tree)) marked++;
      if (text === null) continue;
      read++;
      expect(text, JSON.stringify(markdown)).toBe(blocksToText(tree.children));
    }
    // Both kinds are common in the generated texts, so neither half of the check is empty.
    expect(read).toBeGreaterThan(800);
    expect(marked).toBeGreaterThan(800);
  });

  it('reads 3,000 generated texts of Markdown’s pieces as the tree does, where it reads them', () => {
    let read = 0;
    for (const markdown of generated(3000).map(amidProse)) {
      const tree = fullTree(markdown);
      const text = paragraphsText(markdown);
      if (text === null) continue;
      read++;
      expect(text, JSON.stringify(markdown)).toBe(blocksToText(tree.children));
      expect(tree.children[0]?.type, JSON.stringify(markdown)).not.toBe('heading');
    }
    expect(read).toBeGreaterThan(300);
  });
});
