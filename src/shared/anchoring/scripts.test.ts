import { describe, expect, it } from 'vitest';
import { createAnchor } from './anchor';
import { reanchor } from './reanchor';

/**
 * The same four behaviours in every script the first users read. Each case names a phrase of
 * the text, a one-letter correction inside it, and a sentence around it that can be deleted.
 */
const scripts = [
  {
    script: 'Armenian',
    body: 'Լաչինի միջանցքը փակ է արդեն երեք շաբաթ։ Արցախի բնակիչները զրկված են սննդից և դեղորայքից։ Հայաստանի վարչապետը դիմել է ՄԱԿ-ի Անվտանգության խորհրդին։',
    phrase: 'զրկված են սննդից և դեղորայքից',
    corrected: ['սննդից', 'սնունդից'],
    sentence: 'Արցախի բնակիչները զրկված են սննդից և դեղորայքից։ ',
    intro: 'Ստեփանակերտ, դեկտեմբերի 27։ ',
  },
  {
    script: 'Cyrillic',
    body: 'Лачинский коридор остаётся закрытым уже третью неделю. Жители Нагорного Карабаха лишены продовольствия и лекарств. Премьер-министр Армении обратился в Совет Безопасности ООН.',
    phrase: 'лишены продовольствия и лекарств',
    corrected: [' и ', ' или '],
    sentence: 'Жители Нагорного Карабаха лишены продовольствия и лекарств. ',
    intro: 'Москва, 27 декабря. ',
  },
  {
    script: 'Azerbaijani Latin',
    body: 'Laçın yolunda ekoloqların etiraz aksiyası davam edir. Fəallar qanunsuz istismara son qoyulmasını tələb edirlər. Şuşa şəhərində görüş keçirilib, iştirakçılar çıxış ediblər.',
    phrase: 'qanunsuz istismara son qoyulmasını',
    corrected: ['qoyulmasını', 'qoyulmasına'],
    sentence: 'Fəallar qanunsuz istismara son qoyulmasını tələb edirlər. ',
    intro: 'Bakı, 27 dekabr. Ağdərə ',
  },
  {
    script: 'Latin',
    body: 'The leaders of Artsakh and Armenia urged the international community to deploy monitoring missions. The Security Council called on Azerbaijan to end the blockade. Talks resumed in Brussels.',
    phrase: 'called on Azerbaijan to end the blockade',
    corrected: ['end the', 'lift the'],
    sentence: 'The Security Council called on Azerbaijan to end the blockade. ',
    intro: 'Yerevan, 27 December. ',
  },
];

describe.each(scripts)('$script text', ({ body, phrase, corrected, sentence, intro }) => {
  const start = body.indexOf(phrase);
  const anchor = createAnchor(body, start, start + phrase.length);

  it('highlights exactly the selected words', () => {
    expect(anchor.exact).toBe(phrase);
    expect(body.normalize('NFC')).toBe(body);
  });

  it('stays exact when nothing changed', () => {
    expect(reanchor(body, anchor)).toEqual({ status: 'exact', start, end: start + phrase.length });
  });

  it('moves with the text when a dateline is added', () => {
    const edited = intro + body;
    expect(reanchor(edited, anchor)).toEqual({ status: 'moved', start: start + intro.length, end: start + intro.length + phrase.length });
  });

  it('follows a correction inside the quote', () => {
    const [before, after] = corrected as [string, string];
    const edited = body.replace(before, after);
    const result = reanchor(edited, anchor);
    expect(result.status).toBe('fuzzy');
    expect(edited.slice(result.start, result.end)).toBe(phrase.replace(before, after));
  });

  it('orphans the highlight when its sentence is deleted', () => {
    const edited = body.replace(sentence, '');
    expect(edited).not.toBe(body);
    expect(reanchor(edited, anchor).status).toBe('orphaned');
  });
});

it('finds Azerbaijani dotless ı, ə, ş, ç and ğ exactly, not their look-alikes', () => {
  const body = 'Ağdam rayonunda çıxış edən şəxs dedi. Agdam rayonunda cixis eden sexs dedi.';
  const phrase = 'çıxış edən şəxs';
  const anchor = createAnchor(body, body.indexOf(phrase), body.indexOf(phrase) + phrase.length);
  const edited = body.replace('Ağdam rayonunda çıxış edən şəxs dedi. ', '');
  expect(reanchor(edited, anchor).status).toBe('orphaned');
});
