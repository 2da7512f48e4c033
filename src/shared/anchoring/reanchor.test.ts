import { describe, expect, it } from 'vitest';
import type { Anchor } from './anchor';
import { createAnchor } from './anchor';
import { reanchor } from './reanchor';

/** The anchor of the `occurrence`-th (0-based) copy of `phrase` in `body`. */
function anchorOf(body: string, phrase: string, occurrence = 0): Anchor {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = body.indexOf(phrase, at + 1);
    if (at === -1) throw new Error(`"${phrase}" occurs fewer than ${occurrence + 1} times`);
  }
  return createAnchor(body, at, at + phrase.length);
}

const found = (body: string, anchor: Anchor) => {
  const result = reanchor(body, anchor);
  return { ...result, text: result.status === 'orphaned' ? null : body.slice(result.start, result.end) };
};

const article = [
  'Prime Minister Nikol Pashinyan during a telephone conversation on Tuesday discussed the ongoing blockade of the Lachin Corridor with President Vladimir Putin of Russia.',
  'Pashinyan’s press office said that the prime minister discussed the humanitarian crisis that has resulted in Artsakh because of the weeks-long illegal blockade of the Lachin Corridor.',
  'Within this context, the activities of the Russian peacekeeping mission in Nagorno-Karabakh were also discussed, according to the press office.',
].join('\n\n');

describe('reanchor', () => {
  it('keeps a highlight in place when the body is unchanged', () => {
    const anchor = anchorOf(article, 'humanitarian crisis');
    expect(reanchor(article, anchor)).toEqual({ status: 'exact', start: anchor.start, end: anchor.end });
  });

  it('keeps the position when only far-away text changed', () => {
    const anchor = anchorOf(article, 'humanitarian crisis');
    const edited = article.replace('according to the press office', 'the office said');
    expect(found(edited, anchor)).toMatchObject({ status: 'exact', start: anchor.start, text: 'humanitarian crisis' });
  });

  it('follows text shifted by an insertion before it', () => {
    const anchor = anchorOf(article, 'Russian peacekeeping mission');
    const edited = `Yerevan, 27 December.\n\n${article}`;
    expect(found(edited, anchor)).toMatchObject({ status: 'moved', start: anchor.start + 23, text: 'Russian peacekeeping mission' });
  });

  it('follows a paragraph that moved, quote and context intact', () => {
    const paragraphs = article.split('\n\n');
    const anchor = anchorOf(article, 'Russian peacekeeping mission');
    const edited = [paragraphs[2], paragraphs[0], paragraphs[1]].join('\n\n');
    expect(found(edited, anchor)).toMatchObject({ status: 'moved', text: 'Russian peacekeeping mission' });
  });

  it('finds an edited quote and covers the corrected words', () => {
    const anchor = anchorOf(article, 'the weeks-long illegal blockade');
    const edited = article.replace('weeks-long illegal blockade', 'weeks-long unlawful blockade');
    const result = found(edited, anchor);
    expect(result.status).toBe('fuzzy');
    expect(result.text).toBe('the weeks-long unlawful blockade');
  });

  it('finds an edited quote in place even when the original words occur elsewhere', () => {
    // The first paragraph still says "blockade of the Lachin Corridor"; the second now does not.
    const anchor = anchorOf(article, 'blockade of the Lachin Corridor', 1);
    const edited = article.replace('illegal blockade of the Lachin Corridor', 'illegal blockade of the Lachin road');
    const result = found(edited, anchor);
    expect(result.status).toBe('fuzzy');
    expect(result.start).toBe(edited.indexOf('blockade of the Lachin road'));
  });

  it('orphans a highlight whose passage was deleted', () => {
    const anchor = anchorOf(article, 'Within this context, the activities');
    const edited = article.split('\n\n').slice(0, 2).join('\n\n');
    expect(reanchor(edited, anchor)).toEqual({ status: 'orphaned', start: anchor.start, end: anchor.end });
  });

  it('orphans rather than jumping to the same short words in another sentence', () => {
    const body = 'Peskov said the talks would continue. Baku rejected the proposal. The talks ended in Moscow.';
    const anchor = anchorOf(body, 'the proposal');
    const edited = body.replace('Baku rejected the proposal. ', '').replace('The talks ended', 'Later the proposal was discussed and the talks ended');
    expect(reanchor(edited, anchor).status).toBe('orphaned');
  });

  it('orphans a quote rewritten beyond recognition', () => {
    const anchor = anchorOf(article, 'humanitarian crisis that has resulted in Artsakh');
    const edited = article.replace('humanitarian crisis that has resulted in Artsakh', 'shortages of food and medicine in the region');
    expect(reanchor(edited, anchor).status).toBe('orphaned');
  });

  it('orphans in an empty body and keeps the old position as a hint', () => {
    const anchor = anchorOf(article, 'Lachin Corridor');
    expect(reanchor('', anchor)).toEqual({ status: 'orphaned', start: anchor.start, end: anchor.end });
  });

  describe('repeated phrases', () => {
    const body = [
      'On Monday the road was closed again, residents said.',
      'On Tuesday the road was closed again by protesters.',
      'On Friday the road was closed again, and talks failed.',
    ].join('\n');

    it('picks the highlighted occurrence when the body is unchanged', () => {
      const anchor = anchorOf(body, 'the road was closed again', 1);
      expect(reanchor(body, anchor)).toMatchObject({ status: 'exact', start: anchor.start });
    });

    it('picks the right occurrence even when another one now sits at the old position', () => {
      const second = anchorOf(body, 'the road was closed again', 1);
      const first = body.indexOf('the road was closed again');
      // Insert exactly enough before the body that the first occurrence lands on the second's old offset.
      const edited = `${'x'.repeat(second.start - first - 1)}\n${body}`;
      expect(edited.slice(second.start, second.end)).toBe('the road was closed again');
      expect(found(edited, second)).toMatchObject({ status: 'moved', start: second.start + (second.start - first) });
    });

    it('uses prefix and suffix to choose among copies after nearby edits', () => {
      const third = anchorOf(body, 'the road was closed again', 2);
      const edited = body.replace('On Monday', 'Early on Monday').replace('and talks failed', 'and the talks failed');
      const result = found(edited, third);
      expect(result.status).toBe('moved');
      expect(result.start).toBe(edited.lastIndexOf('the road was closed again'));
    });

    it('takes the nearest copy when the copies cannot be told apart', () => {
      const twins = 'Same words here. Same words here. Same words here.';
      const anchor = anchorOf(twins, 'words', 1);
      const edited = `Intro. ${twins}`;
      expect(found(edited, anchor)).toMatchObject({ status: 'moved', start: anchor.start + 7 });
    });
  });

  it('anchors a passage that crosses paragraph boundaries', () => {
    const phrase = 'Putin of Russia.\n\nPashinyan’s press office';
    const anchor = anchorOf(article, phrase);
    const edited = article.replace('Prime Minister', 'Armenian Prime Minister');
    expect(found(edited, anchor)).toMatchObject({ status: 'moved', text: phrase });
  });
});
