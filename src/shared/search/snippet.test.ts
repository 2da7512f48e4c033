import { describe, expect, it } from 'vitest';
import { formatSnippet, MATCH_END, MATCH_START, segmentsFromMarked, snippetText } from './snippet';

const m = (text: string) => `${MATCH_START}${text}${MATCH_END}`;

describe('snippet segments', () => {
  it('splits marked text into plain and matched segments', () => {
    const segments = segmentsFromMarked(`…the ${m('Laçın')} corridor ${m('<b>')}`);
    expect(segments).toEqual([
      { text: '…the ', match: false },
      { text: 'Laçın', match: true },
      { text: ' corridor ', match: false },
      { text: '<b>', match: true },
    ]);
    expect(snippetText(segments)).toBe('…the Laçın corridor <b>');
    expect(formatSnippet(segments, (text) => `[${text}]`)).toBe('…the [Laçın] corridor [<b>]');
  });

  it('merges adjacent matches and drops empty segments', () => {
    expect(segmentsFromMarked(`${m('Lachin')}${m('Corridor')}`)).toEqual([{ text: 'LachinCorridor', match: true }]);
    expect(segmentsFromMarked('')).toEqual([]);
  });

  it('keeps characters outside the BMP whole', () => {
    expect(segmentsFromMarked(`a ${m('😀')}`)).toEqual([
      { text: 'a ', match: false },
      { text: '😀', match: true },
    ]);
  });
});
