import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HighlightPatch } from '../../shared/domain/highlight';
import type { Db } from '../db/db';
import { queryPassages } from '../compare/passages';
import { searchLibrary } from '../search';
import { getHighlight } from './highlightRows';
import { createHighlight, deleteHighlight, restoreHighlight, updateHighlight } from './highlights';
import { addSource, openTestLibrary } from '../../../tests/support/library';
import { exportWebAnnotations, importWebAnnotations } from './webAnnotation';

/** Issue 14, item 4: a translation beside a quote, stored, changed, found and restored with it. */
const BODY = 'Laçın yolu ilə humanitar yüklərin daşınması davam edir. Fəallar etirazlarını dayandırmayıblar.';
const QUOTE = 'humanitar yüklərin daşınması davam edir';
const TRANSLATION = { text: 'the transport of humanitarian cargo continues', language: 'en', tool: 'DeepL' };

let db: Db;
let cleanup: () => void;
let sourceId: number;
beforeEach(() => {
  ({ db, cleanup } = openTestLibrary());
  sourceId = addSource(db, { body: BODY });
});
afterEach(() => cleanup());

const highlightQuote = () => createHighlight(db, { sourceId, start: BODY.indexOf(QUOTE), end: BODY.indexOf(QUOTE) + QUOTE.length });
const patch = (input: unknown) => HighlightPatch.parse(input);
const searchIds = (query: string) => searchLibrary(db, query).results.filter((r) => r.type === 'highlight').map((r) => r.id);

describe('a highlight’s translation', () => {
  it('is none until one is given; then it is stored with its language and tool, and read back', () => {
    const highlight = highlightQuote();
    expect(highlight.translation).toBeNull();
    const updated = updateHighlight(db, highlight.id, patch({ translation: TRANSLATION }));
    expect(updated.translation).toEqual(TRANSLATION);
    expect(getHighlight(db, highlight.id).translation).toEqual(TRANSLATION);
    expect(updated.exact).toBe(QUOTE);
  });

  it('is the researcher’s own when no tool is named (an empty name is none), and can be removed', () => {
    const highlight = highlightQuote();
    const own = updateHighlight(db, highlight.id, patch({ translation: { text: '  humanitarian cargo keeps moving ', language: 'EN', tool: '' } }));
    expect(own.translation).toEqual({ text: 'humanitarian cargo keeps moving', language: 'en', tool: null });
    expect(updateHighlight(db, highlight.id, patch({ comment: 'Report.az' })).translation).toEqual(own.translation);
    expect(updateHighlight(db, highlight.id, patch({ translation: null })).translation).toBeNull();
  });

  it('refuses an unknown language code or an empty text, saying what to do, and keeps what was saved', () => {
    const highlight = updateHighlight(db, highlightQuote().id, patch({ translation: TRANSLATION }));
    const unknown = HighlightPatch.safeParse({ translation: { ...TRANSLATION, language: 'zz' } });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toMatch(/ISO 639-1 code, such as "en"/);
    expect(HighlightPatch.safeParse({ translation: { ...TRANSLATION, language: 'english' } }).success).toBe(false);
    expect(HighlightPatch.safeParse({ translation: { ...TRANSLATION, text: '   ' } }).error?.issues[0]?.message).toMatch(/remove it instead/);
    expect(getHighlight(db, highlight.id).translation).toEqual(TRANSLATION);
  });

  it('cannot be half-written at the database: a text needs its language, a tool needs a text', () => {
    const highlight = highlightQuote();
    expect(() => db.prepare("UPDATE highlights SET translation = 'x' WHERE id = ?").run(highlight.id)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE highlights SET translation_tool = 'DeepL' WHERE id = ?").run(highlight.id)).toThrow(/CHECK/);
  });

  it('is found by search in its own words, and no longer once removed', () => {
    const highlight = highlightQuote();
    expect(searchIds('cargo')).toEqual([]);
    updateHighlight(db, highlight.id, patch({ translation: TRANSLATION, comment: 'weekly convoy' }));
    expect(searchIds('cargo')).toEqual([highlight.id]);
    expect(searchIds('convoy')).toEqual([highlight.id]);
    const snippet = searchLibrary(db, 'cargo').results.find((r) => r.type === 'highlight')?.snippet ?? '';
    expect(snippet).toContain('cargo');
    updateHighlight(db, highlight.id, patch({ translation: null }));
    expect(searchIds('cargo')).toEqual([]);
    expect(searchIds('convoy')).toEqual([highlight.id]);
  });

  it('comes back with the highlight after delete and undo, and shows in Passages', () => {
    const highlight = updateHighlight(db, highlightQuote().id, patch({ translation: TRANSLATION }));
    expect(restoreHighlight(db, deleteHighlight(db, highlight.id))).toEqual(highlight);
    expect(searchIds('cargo')).toEqual([highlight.id]);
    expect(queryPassages(db).passages.map((p) => p.translation)).toEqual([TRANSLATION]);
  });
});

describe('a translation in W3C Web Annotation', () => {
  it('comes back with the highlight when the library’s own export is imported, and is no comment', () => {
    const highlight = updateHighlight(db, highlightQuote().id, patch({ translation: TRANSLATION, comment: 'weekly convoy' }));
    const exported = exportWebAnnotations(db, sourceId);
    deleteHighlight(db, highlight.id);
    expect(importWebAnnotations(db, sourceId, exported).imported).toBe(1);
    expect(getHighlight(db, highlight.id)).toMatchObject({ translation: TRANSLATION, comment: 'weekly convoy' });
  });

  it('keeps a translation body it cannot read (an unknown language) as a comment, rather than drop it', () => {
    const highlight = updateHighlight(db, highlightQuote().id, patch({ translation: TRANSLATION }));
    const exported = exportWebAnnotations(db, sourceId);
    const [annotation] = exported.first!.items;
    (annotation!.body as { language: string }[])[0]!.language = 'zz';
    deleteHighlight(db, highlight.id);
    importWebAnnotations(db, sourceId, exported);
    expect(getHighlight(db, highlight.id)).toMatchObject({ translation: null, comment: TRANSLATION.text });
  });
});

it('reads another tool’s describing body in a language as a comment: only Marginalia’s own export carries translations', () => {
  const other = addSource(db, { body: BODY, title: 'Other' });
  const annotation = {
    type: 'Annotation' as const,
    id: 'https://hypothes.is/a/1',
    body: [{ type: 'TextualBody' as const, purpose: 'describing', language: 'en', value: 'A description' }],
    target: { source: 'https://report.az/x', selector: { type: 'TextQuoteSelector' as const, exact: QUOTE } },
  };
  const [id] = importWebAnnotations(db, other, annotation).highlightIds;
  expect(getHighlight(db, id!)).toMatchObject({ translation: null, comment: 'A description' });
});
