import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlParagraphs } from './htmlToText';

const paragraphs = (html: string) => htmlParagraphs((parseHTML(`<html><body>${html}</body></html>`) as unknown as { document: Document }).document.body);

describe('htmlParagraphs', () => {
  it('makes one paragraph per block, collapsing whitespace inside and joining inline elements', () => {
    expect(paragraphs('<h2>Title</h2>\n<p>One  <b>bold</b>\n word, <a href="/x">a link</a>.</p><div>Two<p>Nested</p>tail</div>')).toEqual(['Title', 'One bold word, a link.', 'Two', 'Nested', 'tail']);
  });

  it('gives list items and blockquotes their own paragraphs', () => {
    expect(paragraphs('<ul><li>First</li><li>Second <ul><li>Inner</li></ul></li></ul><blockquote>Quoted</blockquote>')).toEqual(['First', 'Second', 'Inner', 'Quoted']);
  });

  it('keeps <br> as a line break and <pre> as written', () => {
    expect(paragraphs('<p>Line one<br>Line two</p><pre>  code\n    indented\n</pre>')).toEqual(['Line one\nLine two', '  code\n    indented']);
  });

  it('writes a table row per paragraph, cells separated by a tab', () => {
    expect(paragraphs('<table><tr><th>City</th><th>Days</th></tr><tr><td>Stepanakert</td><td>41</td></tr></table>')).toEqual(['City\tDays', 'Stepanakert\t41']);
  });

  it('drops soft hyphens and zero-width spaces, and reads no-break spaces as spaces', () => {
    expect(paragraphs('<p>nego\u00ADtiations\u200B in\u00A0Baku</p>')).toEqual(['negotiations in Baku']);
  });

  it('never takes text from scripts, styles, forms, frames or templates', () => {
    expect(paragraphs('<p>Kept</p><script>x()</script><style>p{}</style><noscript>N</noscript><button>B</button><textarea>T</textarea><template><p>Tp</p></template><svg><text>S</text></svg>')).toEqual(['Kept']);
  });
});
