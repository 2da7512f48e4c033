import type { Db } from '../db/db';
import { autolink, B, br, checkItem, cite, CODE, h, HIGHLIGHT, I, li, link, list, nested, p, quote, S, state, SUB, SUP, tab, text, U } from './lexicalFixtures';
import { addHighlight, addNote, addSource } from '../../../tests/support/library';

/**
 * Test support: a library with three sources in three scripts (Armenian, Russian, Azerbaijani),
 * highlights in each, and one note that uses every rich-text feature and cites them all. The
 * golden files in __golden__/ are this note exported.
 */
export const ARMENIAN_QUOTE = 'Լաչինի միջանցքը շարունակում է փակ մնալ';
export const RUSSIAN_QUOTE = 'Лачинский коридор остаётся заблокированным';
export const AZERBAIJANI_QUOTE = 'Laçın yolunda etiraz aksiyası davam edir';

export function buildSampleLibrary(db: Db) {
  const armenpress = addSource(db, {
    title: 'Լաչինի միջանցքը՝ շրջափակման մեջ',
    outlet: 'Արմենպրես',
    author: 'Անի Հակոբյան',
    publishedAt: '2022-12-20',
    url: 'https://armenpress.am/arm/news/1100000',
    language: 'hy',
    body: `Ստեփանակերտ. ${ARMENIAN_QUOTE}։ Մարդիկ սպասում են։`,
  });
  const ria = addSource(db, {
    title: 'Лачинский коридор: 50% грузов не проходят & {ничего} не ясно',
    outlet: 'РИА Новости',
    author: 'Иванов, Пётр',
    publishedAt: '2023-01-05',
    url: 'https://ria.ru/20230105/lachin.html?utm_source=x&a=1',
    language: 'ru',
    body: `Степанакерт. ${RUSSIAN_QUOTE}. Подробности позже.`,
  });
  const report = addSource(db, {
    title: 'Laçın yolunda “eko-aktivistlər” – İrəvanın iddiaları',
    outlet: 'Report.az',
    author: 'Fatima Hasanova',
    publishedAt: '2023-01-11',
    url: 'https://report.az/en/foreign-politics/lachin_road/',
    language: 'az',
    body: `Şuşa. ${AZERBAIJANI_QUOTE}. Ağdam, Xankəndi.`,
  });
  const armenianHighlight = addHighlight(db, armenpress, ARMENIAN_QUOTE, { comment: 'Blockade, day 8', tags: ['blockade'] });
  const russianHighlight = addHighlight(db, ria, RUSSIAN_QUOTE, { tags: ['блокада', 'Lachin corridor'] });
  const azerbaijaniHighlight = addHighlight(db, report, AZERBAIJANI_QUOTE);

  const editorState = state(
    h(1, text('Lachin corridor: how three outlets framed the blockade')),
    p(
      text('Plain, '),
      text('bold', B),
      text(', '),
      text('italic', I),
      text(', '),
      text('bold and italic', B | I),
      text(', '),
      text('struck', S),
      text(', '),
      text('underlined', U),
      text(', '),
      text('code()', CODE),
      text(', H'),
      text('2', SUB),
      text('O, x'),
      text('2', SUP),
      text(' and '),
      text('highlighted', HIGHLIGHT),
      text('.'),
    ),
    p(text('Characters that mean something: * _ [brackets] # <tag> `tick` \\ | ~ 1. + - > ! & &amp;')),
    p(text('# not a heading')),
    p(text('1. not a list item')),
    h(2, text('Armenian view')),
    p(text('Armenpress wrote it plainly'), cite(armenpress, armenianHighlight), text(' and again'), cite(armenpress, armenianHighlight), text('.')),
    quote(text('Ստեփանակերտ, Лачин, Ağdam — '), text('bold in a quote', B), br(), text('second line')),
    h(3, text('Russian and Azerbaijani views')),
    p(text('RIA: '), cite(ria, russianHighlight), text(' — Report: '), cite(report, azerbaijaniHighlight), text('; the whole article: '), cite(report, null), text('.')),
    p(text('A '), link('https://armenpress.am/eng/', text('link with '), text('bold', B)), text(', an autolink '), autolink('https://www.azernews.az', text('https://www.azernews.az')), text(', a deep link '), link('marginalia://source/1', text('to a source')), text(' and a tab'), tab(), text('here.')),
    p(text('A bold claim, cited', B), cite(ria, russianHighlight), text(', stays one bold run.', B)),
    list('bullet', 1, li(1, text('first')), li(2, text('second')), nested(3, list('bullet', 1, li(1, text('nested one')), li(2, text('nested two')))), li(3, text('third'))),
    list('number', 3, li(3, text('three')), li(4, text('four'))),
    list('check', 1, checkItem(1, true, text('done')), checkItem(2, false, text('to do'))),
  );
  const noteId = addNote(db, 'Lachin: three outlets / one blockade', editorState);
  return { armenpress, ria, report, armenianHighlight, russianHighlight, azerbaijaniHighlight, noteId };
}
