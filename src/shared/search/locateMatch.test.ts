import { describe, expect, it } from 'vitest';
import { locateMatch } from './locateMatch';
import { segmentsFromMarked } from './snippet';

const BODY = 'Lachin is a town.\n\nThe Lachin corridor was closed. Convoys waited on the Lachin road.';
/** Segments as searchKinds.ts gets them: \uFDD0 and \uFDD1 around each matched word. */
const marked = (text: string) => segmentsFromMarked(text.replaceAll('[', '\uFDD0').replaceAll(']', '\uFDD1'));
const words = (range: { start: number; end: number } | null) => (range ? BODY.slice(range.start, range.end) : null);

describe('locateMatch', () => {
  it('finds the first mark of a body snippet at its own place, not at an earlier same word', () => {
    const range = locateMatch(BODY, marked('…closed. Convoys waited on the [Lachin] road.'));
    expect(range).toEqual({ start: BODY.lastIndexOf('Lachin'), end: BODY.lastIndexOf('Lachin') + 6 });
  });

  it('handles snippets cut off at both ends and across a paragraph break', () => {
    expect(locateMatch(BODY, marked('…a town.\n\nThe [Lachin] [corridor]…'))).toEqual({ start: BODY.indexOf('Lachin corridor'), end: BODY.indexOf('Lachin corridor') + 6 });
    expect(words(locateMatch(BODY, marked('[Lachin] is a town…')))).toBe('Lachin');
  });

  it('falls back to the first place the body has a marked word when the snippet is from the title', () => {
    expect(locateMatch(BODY, marked('Blockade of the [Lachin] corridor'))).toEqual({ start: 0, end: 6 });
    expect(words(locateMatch(BODY, marked('[Convoys] and [corridor]')))).toBe('corridor');
  });

  it('falls back to another form of a marked word, marked whole, when the body lacks the form the title has', () => {
    const body = 'Стороны обсудили ситуацию вокруг Лачинского коридора.';
    const range = locateMatch(body, marked('Переговоры по [Лачинскому] коридору'));
    expect(range && body.slice(range.start, range.end)).toBe('Лачинского');
    expect(locateMatch(body, marked('[оридоры] [Степанакерт]'))).toBeNull(); // a shared beginning counts only at a word's start
  });

  it('gives null when nothing is marked or the body lacks the words', () => {
    expect(locateMatch(BODY, marked('no marks here'))).toBeNull();
    expect(locateMatch(BODY, marked('[Xankəndi] talks'))).toBeNull();
  });
});
