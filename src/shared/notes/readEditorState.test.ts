import { describe, expect, it } from 'vitest';
import { citationLabel } from './citationLabel';
import { isAllowedLinkUrl } from './linkUrl';
import { EditorStateError, EMPTY_EDITOR_STATE, readEditorState, walkEditorState } from './readEditorState';
import { citation, editorState, editorStateJson, heading, lineBreak, link, list, listItem, paragraph, quote, snapshot, text } from './testStates';

describe('readEditorState', () => {
  it('gives the text as Lexical does, blocks separated by a blank line, citations as (outlet, date)', () => {
    const content = walkEditorState(
      editorState(
        heading('h1', text('Lachin')),
        paragraph(text('Peskov said '), citation(1, 7), text(' and more'), lineBreak(), link('https://example.org/a', text('a link'))),
        quote(text('A quote')),
        list('bullet', listItem(1, text('one')), listItem(2, text('two'))),
      ),
    );
    expect(content.plainText).toBe('Lachin\n\nPeskov said (AzerNews, 2023-01-11) and more\na link\n\nA quote\n\none\n\ntwo');
    expect(content.citations).toEqual([citation(1, 7)]);
  });

  it('lists citations in document order, nested ones included', () => {
    const content = walkEditorState(
      editorState(
        paragraph(citation(2)),
        list('number', listItem(1, text('x'), citation(3, 9))),
        quote(text('q'), citation(4, 10)),
      ),
    );
    expect(content.citations.map((c) => [c.sourceId, c.highlightId])).toEqual([
      [2, null],
      [3, 9],
      [4, 10],
    ]);
  });

  it('reads the empty note', () => {
    expect(readEditorState(EMPTY_EDITOR_STATE)).toEqual({ plainText: '', citations: [] });
  });

  it.each([
    ['not JSON', '{"root":', /not valid JSON/],
    ['no root', '{}', /no "root"/],
    ['a root of another type', JSON.stringify({ root: { type: 'paragraph', children: [] } }), /type "paragraph", not "root"/],
    ['a node type the editor does not know', editorStateJson(paragraph({ type: 'equation', version: 1 })), /unknown type "equation"/],
    ['an element without children', editorStateJson({ type: 'paragraph', version: 1 }), /has no list of children/],
    ['a text node without text', editorStateJson(paragraph({ type: 'text', version: 1 })), /has no text/],
    ['a javascript: link', editorStateJson(paragraph(link('javascript:alert(1)', text('x')))), /link to "javascript:alert\(1\)" is not allowed/],
    ['a citation without a source', editorStateJson(paragraph({ ...citation(1), sourceId: undefined })), /Citation 1 is invalid: sourceId/],
    ['a citation with a bad date', editorStateJson(paragraph({ ...citation(1), snapshot: snapshot({ publishedAt: '11 Jan 2023' }) })), /Citation 1 is invalid: snapshot\.publishedAt/],
    ['a citation of version 2', editorStateJson(paragraph(text('a'), citation(1), { ...citation(2), version: 2 })), /Citation 2 is invalid: version/],
  ])('refuses %s, saying what is wrong', (_case, json, message) => {
    expect(() => readEditorState(json)).toThrow(EditorStateError);
    expect(() => readEditorState(json)).toThrow(message);
  });

  it('refuses a hostile nesting depth instead of overflowing the stack', () => {
    let node = paragraph(text('deep'));
    for (let i = 0; i < 10_000; i++) node = list('bullet', listItem(1, node));
    expect(() => walkEditorState(editorState(node))).toThrow(/nests deeper than 64 levels/);
  });
});

describe('citationLabel', () => {
  it('is the outlet and date, or the title when the outlet is unknown, without a date when there is none', () => {
    expect(citationLabel(snapshot())).toBe('AzerNews, 2023-01-11');
    expect(citationLabel(snapshot({ outlet: null }))).toBe('The sending of UN peacekeepers, 2023-01-11');
    expect(citationLabel(snapshot({ publishedAt: null }))).toBe('AzerNews');
  });
});

describe('links', () => {
  it('allows http, https and marginalia addresses only', () => {
    for (const url of ['https://armenpress.am/a', 'http://example.org', 'marginalia://source/3', 'marginalia://highlight/12']) expect(isAllowedLinkUrl(url)).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'mailto:a@b.c', 'https:foo', 'example.org', '', `https://x.org/${'a'.repeat(3000)}`]) {
      expect(isAllowedLinkUrl(url)).toBe(false);
    }
  });
});
