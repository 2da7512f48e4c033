import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { SerializedCitation } from '../../shared/domain/note';
import type { CiteFunction } from './lexicalToMdast';
import { lexicalToMdast, NoteFormatError, parseEditorState } from './lexicalToMdast';
import type { Json } from './lexicalFixtures';
import { autolink, B, br, checkItem, cite, CODE, h, HIGHLIGHT, I, li, link, list, nested, p, quote, S, state, SUB, SUP, tab, text, U } from './lexicalFixtures';
import { allNodes, parseMarkdown, plainText } from './parseMarkdownForTests';
import { serializeMarkdown } from './serializeMarkdown';

/** Citations as footnote markers numbered in order, as the footnotes style does. */
function footnoteCite(seen: (SerializedCitation | null)[] = []): CiteFunction {
  return (citation) => {
    seen.push(citation);
    const identifier = String(seen.length);
    return [{ type: 'footnoteReference', identifier, label: identifier } satisfies PhrasingContent];
  };
}

function toMarkdown(...blocks: Json[]): string {
  return serializeMarkdown(lexicalToMdast(parseEditorState(state(...blocks), 'Note 1'), footnoteCite()));
}

describe('lexicalToMdast', () => {
  it('exports headings, paragraphs, quotes and line breaks', () => {
    expect(toMarkdown(h(1, text('One')), h(3, text('Three')), h(6, text('Six')), p(text('a'), br(), text('b')), quote(text('quoted'), br(), text('on')))).toBe(
      '# One\n\n### Three\n\n###### Six\n\na\\\nb\n\n> quoted\\\n> on\n',
    );
  });

  it('exports each format bit, and nests overlapping ones as one run', () => {
    expect(toMarkdown(p(text('b', B), text(' i', I), text(' s', S), text(' u', U), text(' ', 0), text('c', CODE)))).toBe('**b** *i* ~~s~~ *u* `c`\n');
    // Sub/superscript and highlight have no Markdown: their words stay, unmarked.
    expect(toMarkdown(p(text('H'), text('2', SUB), text('O x'), text('2', SUP), text(' '), text('marked', HIGHLIGHT)))).toBe('H2O x2 marked\n');
    expect(toMarkdown(p(text('all bold ', B), text('and italic', B | I), text(' still bold', B)))).toBe('**all bold *and italic* still bold**\n');
    expect(toMarkdown(p(text('bold code ', B), text('x()', B | CODE)))).toBe('**bold code `x()`**\n');
  });

  it('moves white space out of emphasis, where CommonMark would not read it as emphasis', () => {
    expect(toMarkdown(p(text('a'), text(' bold ', B), text('b')))).toBe('a **bold** b\n');
    expect(toMarkdown(p(text('a'), text('   ', B), text('b')))).toBe('a   b\n');
  });

  it('keeps a bold sentence one run across a link and a citation inside it', () => {
    const markdown = toMarkdown(p(text('see ', B), link('https://a.example/', text('this', B)), text(' now', B), cite(1, 2), text(' too', B)));
    expect(markdown).toBe('**see [this](https://a.example/) now[^1] too**\n');
  });

  it('exports links and autolinks; a link the editor would refuse (not http(s) or marginalia, mailto neither) keeps only its words', () => {
    expect(toMarkdown(p(link('https://armenpress.am/', text('Armenpress')), text(' '), autolink('https://x.example', text('https://x.example'))))).toBe(
      '[Armenpress](https://armenpress.am/) [https://x.example](https://x.example)\n',
    );
    expect(toMarkdown(p(link('javascript:alert(1)', text('click')), text(' '), link('file:///etc/passwd', text('file'))))).toBe('click file\n');
    expect(toMarkdown(p(link('mailto:press@armenpress.am', text('write')), text(' '), link('https:armenpress.am', text('half'))))).toBe('write half\n');
    expect(toMarkdown(p(link('marginalia://source/3', text('the source'))))).toBe('[the source](marginalia://source/3)\n');
    expect(toMarkdown(p({ ...autolink('https://x.example', text('unlinked')), isUnlinked: true }))).toBe('unlinked\n');
  });

  it('exports bullet, numbered (with start) and check lists, nesting as Lexical nests', () => {
    const markdown = toMarkdown(
      list('bullet', 1, li(1, text('one')), nested(2, list('number', 1, li(1, text('inner a')), nested(2, list('bullet', 1, li(1, text('deep')))), li(2, text('inner b')))), li(2, text('two'))),
      list('number', 7, li(7, text('seven')), li(8, text('eight'))),
      list('check', 1, checkItem(1, true, text('done')), checkItem(2, false, text('open'))),
    );
    expect(markdown).toBe('- one\n  1. inner a\n     - deep\n  2. inner b\n- two\n\n7. seven\n8. eight\n\n- [x] done\n- [ ] open\n');
    const tree = parseMarkdown(markdown);
    expect(tree.children.map((node) => node.type)).toEqual(['list', 'list', 'list']);
    const deep = allNodes(tree).filter((node) => node.type === 'list');
    expect(deep).toHaveLength(5);
  });

  it('escapes every character that means something in Markdown, and reads back the same words', () => {
    const words = [
      '*stars* and _underscores_ and [brackets] and # hash',
      '# not a heading',
      '1. not a list',
      '- not a bullet',
      '+ nor this',
      '> not a quote',
      '`not code` \\ backslash',
      '<b>not html</b> &amp; &copy;',
      '~~not struck~~ | pipes |',
      '![not an image](x)',
      '[^1] not a footnote',
      '---',
      '***',
      '2*3*4 = 24',
      'snake_case_name',
    ];
    const markdown = toMarkdown(...words.map((value) => p(text(value))));
    const paragraphs = parseMarkdown(markdown).children;
    expect(paragraphs.map((node) => node.type)).toEqual(words.map(() => 'paragraph'));
    expect(paragraphs.map((node) => plainText(node))).toEqual(words);
    expect(markdown).toContain('\\*stars\\*');
    expect(markdown).toContain('\\# not a heading');
    expect(markdown).toContain('1\\. not a list');
  });

  it('writes Armenian, Cyrillic and Azerbaijani text exactly as written, unescaped', () => {
    const words = ['Լաչինի միջանցքը շարունակում է փակ մնալ։', 'Лачинский коридор остаётся заблокированным.', 'Laçın yolunda etiraz: Şuşa, Ağdam, İrəvan, Xankəndi, ə ı ğ ö ü ş ç.'];
    const markdown = toMarkdown(...words.map((value) => p(text(value))));
    expect(markdown).toBe(`${words.join('\n\n')}\n`);
    expect(toMarkdown(p(text('Ստեփանակերտ', B), text(' — '), text('Степанакерт', I)))).toBe('**Ստեփանակերտ** — *Степанакерт*\n');
  });

  it('keeps an indent and a tab, and drops white space at the end of a block and empty blocks', () => {
    // The indent is a character reference every reader keeps; a bare space there would be dropped.
    expect(toMarkdown(p(text('  a'), tab(), text('b  ')), p(text('   ')), p(br()))).toBe('&#x20; a\tb\n');
  });

  it('reads the compact form, which leaves out properties at their defaults', () => {
    const compact = JSON.stringify({
      root: {
        type: 'root',
        children: [
          { type: 'heading', children: [{ type: 'text', text: 'Title' }] },
          { type: 'list', children: [{ type: 'listitem', children: [{ type: 'text', text: 'first', format: 1 }] }] },
          { type: 'citation', sourceId: 1, highlightId: null, snapshot: cite(1, null).snapshot },
        ],
      },
    });
    const seen: (SerializedCitation | null)[] = [];
    expect(serializeMarkdown(lexicalToMdast(parseEditorState(compact, 'Note 1'), footnoteCite(seen)))).toBe('# Title\n\n1. **first**\n\n[^1]\n');
    expect(seen[0]?.sourceId).toBe(1);
  });

  it('keeps the words of node types it does not know, and marks an unreadable citation', () => {
    const seen: (SerializedCitation | null)[] = [];
    const root = parseEditorState(
      state(p(text('before '), { type: 'hashtag', text: '#blockade', format: 0 }, { type: 'mark', children: [text(' marked')] }, { type: 'citation', sourceId: 'x' }), { type: 'collapsible', children: [p(text('inside'))] }),
      'Note 1',
    );
    expect(serializeMarkdown(lexicalToMdast(root, footnoteCite(seen)))).toBe('before \\#blockade marked[^1]\n\ninside\n');
    expect(seen).toEqual([null]);
  });

  it('refuses what is not a saved editor state, and a hostile depth, naming the note', () => {
    expect(() => parseEditorState('{not json', 'Note 4 ("Draft")')).toThrow(/Note 4 \("Draft"\) cannot be exported: its saved text is not valid JSON/);
    expect(() => parseEditorState('{"root":{"type":"paragraph"}}', 'Note 4')).toThrow(NoteFormatError);
    let deep: Json = p(text('bottom'));
    for (let depth = 0; depth < 100; depth++) deep = quote(deep);
    expect(() => toMarkdown(deep)).toThrow(/deeper than 64/);
  });
});
