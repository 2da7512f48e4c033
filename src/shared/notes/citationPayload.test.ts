import { describe, expect, it } from 'vitest';
import { highlightCitation, quoteInNoteText } from './citationPayload';

const SOURCE = { id: 3, title: 'Laçın yolunda aksiya', outlet: 'Report.az', author: null, publishedAt: '2023-01-05', citekey: 'reportaz2023lacin' };
const QUOTE = 'Laçın yolunda ekoloji aksiya davam edir';
const TRANSLATION = { text: 'The ecological protest on the Lachin road continues', language: 'en', tool: 'DeepL' };

describe('a citation of a translated passage (issue 14)', () => {
  it('keeps the translation in its snapshot, and leaves the snapshot as before without one', () => {
    expect(highlightCitation(SOURCE, { id: 7, exact: QUOTE, translation: TRANSLATION }).snapshot.translation).toEqual(TRANSLATION);
    expect(highlightCitation(SOURCE, { id: 7, exact: QUOTE, translation: null }).snapshot).not.toHaveProperty('translation');
  });

  it('is quoted in a note as the export quotes it: both (the translation in brackets), the original, or the translation', () => {
    const { snapshot } = highlightCitation(SOURCE, { id: 7, exact: QUOTE, translation: TRANSLATION });
    expect(quoteInNoteText(snapshot, 'both')).toBe(`${QUOTE} [${TRANSLATION.text}]`);
    expect(quoteInNoteText(snapshot, 'original')).toBe(QUOTE);
    expect(quoteInNoteText(snapshot, 'translation')).toBe(TRANSLATION.text);
    const untranslated = highlightCitation(SOURCE, { id: 8, exact: QUOTE }).snapshot;
    expect(quoteInNoteText(untranslated, 'translation')).toBe(QUOTE);
  });
});
