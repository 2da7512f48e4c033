import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationCollectionLd, WebAnnotationDocument } from '../../shared/domain/highlight';
import type { Db } from '../db/db';
import { listHighlights } from './highlightRows';
import { sourceDeepLink } from '../../shared/text/deepLink';
import { createCitationResolver } from '../export/citationResolver';
import { snapshot } from '../export/lexicalFixtures';
import { createHighlight, deleteHighlight, updateHighlight } from './highlights';
import { reanchorSource } from './reanchorSource';
import { exportWebAnnotations, importWebAnnotations, parseWebAnnotations } from './webAnnotation';
import { addSource, openTestLibrary } from '../../../tests/support/library';

const BODY = [
  'Լաչինի միջանցքը փակ է արդեն երեք շաբաթ 🚧։',
  'Жители Нагорного Карабаха лишены продовольствия и лекарств.',
  'Fəallar qanunsuz istismara son qoyulmasını tələb edirlər.',
].join('\n\n');

let db: Db;
let cleanup: () => void;
let sourceId: number;
beforeEach(() => {
  ({ db, cleanup } = openTestLibrary());
  sourceId = addSource(db, { body: BODY });
});
afterEach(() => cleanup());

const span = (phrase: string) => ({ start: BODY.indexOf(phrase), end: BODY.indexOf(phrase) + phrase.length });
const strip = ({ id: _id, sourceId: _source, ...rest }: ReturnType<typeof listHighlights>[number]) => rest;

function highlightSeveral() {
  createHighlight(db, { sourceId, ...span('երեք շաբաթ'), color: 'red', comment: 'Three weeks by 3 January', tags: ['timeline'] });
  const russian = createHighlight(db, { sourceId, ...span('лишены продовольствия'), color: 'blue', tags: ['humanitarian', 'RU outlets'] });
  updateHighlight(db, russian.id, { comment: 'Compare with the AZ framing' });
  createHighlight(db, { sourceId, ...span('qanunsuz istismara') });
}

describe('Web Annotation JSON-LD', () => {
  it('exports a collection with quote and position selectors, colour, comment and tags', () => {
    highlightSeveral();
    const document = exportWebAnnotations(db, sourceId);
    expect(AnnotationCollectionLd.safeParse(document).success).toBe(true);
    expect(document).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 3 });
    const russian = document.first!.items[1]!;
    expect(russian).toMatchObject({
      type: 'Annotation',
      motivation: 'highlighting',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'Compare with the AZ framing' },
        { type: 'TextualBody', purpose: 'tagging', value: 'humanitarian' },
        { type: 'TextualBody', purpose: 'tagging', value: 'RU outlets' },
      ],
      target: { styleClass: 'blue' },
    });
    const selectors = (russian.target as { selector: unknown[] }).selector;
    // Offsets in code points: the 🚧 before this passage is one code point but two UTF-16 units.
    expect(selectors).toEqual([
      { type: 'TextQuoteSelector', exact: 'лишены продовольствия', prefix: expect.any(String), suffix: ' и лекарств.\n\nFəallar qanunsuz i' },
      { type: 'TextPositionSelector', start: span('лишены').start - 1, end: span('лишены продовольствия').end - 1 },
    ]);
    // What is written to a file and read back is the same document.
    expect(WebAnnotationDocument.parse(JSON.parse(JSON.stringify(document)))).toEqual(document);
  });

  it('round-trips onto another copy of the source: same places, words, colours, comments and tags', () => {
    highlightSeveral();
    const document = JSON.parse(JSON.stringify(exportWebAnnotations(db, sourceId)));
    const copy = addSource(db, { body: BODY, title: 'Second copy' });
    const report = importWebAnnotations(db, copy, parseWebAnnotations(document));
    expect(report).toMatchObject({ imported: 3, orphaned: 0, duplicates: 0 });
    expect(listHighlights(db, copy).map(strip)).toEqual(listHighlights(db, sourceId).map(strip));
  });

  it('re-anchors on import into a corrected text, and keeps what it cannot find as orphans', () => {
    highlightSeveral();
    const document = parseWebAnnotations(JSON.parse(JSON.stringify(exportWebAnnotations(db, sourceId))));
    const corrected = `Степанакерт.\n\n${BODY.replace('Fəallar qanunsuz istismara son qoyulmasını tələb edirlər.', 'Fəallar başqa tələblər irəli sürürlər.')}`;
    const target = addSource(db, { body: corrected, title: 'Corrected copy' });
    expect(importWebAnnotations(db, target, document)).toMatchObject({ imported: 3, orphaned: 1 });
    const imported = listHighlights(db, target);
    expect(imported.map((h) => [h.exact, h.orphaned])).toEqual([
      ['երեք շաբաթ', false],
      ['лишены продовольствия', false],
      ['qanunsuz istismara', true],
    ]);
    expect(corrected.slice(imported[1]!.start, imported[1]!.end)).toBe('лишены продовольствия');
  });

  it('restores its own export under the same ids, so citations and deep links resolve again', () => {
    highlightSeveral();
    const before = listHighlights(db, sourceId);
    const document = parseWebAnnotations(JSON.parse(JSON.stringify(exportWebAnnotations(db, sourceId))));
    const resolve = () => createCitationResolver(db)({ type: 'citation', version: 1, sourceId, highlightId: before[1]!.id, snapshot: snapshot({ quote: 'old words' }) });
    for (const highlight of before) deleteHighlight(db, highlight.id);
    expect(resolve()).toMatchObject({ passage: 'deleted', deepLink: sourceDeepLink(sourceId) });

    const report = importWebAnnotations(db, sourceId, document);
    expect(report).toMatchObject({ imported: 3, orphaned: 0, duplicates: 0, highlightIds: before.map((highlight) => highlight.id) });
    const restored = listHighlights(db, sourceId);
    expect(restored.map(({ updatedAt: _u, ...rest }) => rest)).toEqual(before.map(({ updatedAt: _u, ...rest }) => rest));
    // The note's citation of the second passage finds it again, with its link to the passage.
    expect(resolve()).toMatchObject({ passage: 'in-library', quote: 'лишены продовольствия', deepLink: sourceDeepLink(sourceId, before[1]!.id) });
  });

  it('gives a restored highlight a new id when its old one has been taken by another source, and keeps other tools’ ids out', () => {
    createHighlight(db, { sourceId, ...span('երեք շաբաթ') });
    const document = parseWebAnnotations(JSON.parse(JSON.stringify(exportWebAnnotations(db, sourceId))));
    const original = listHighlights(db, sourceId)[0]!;
    deleteHighlight(db, original.id);
    const other = addSource(db, { body: 'Another article: երեք շաբաթ.', title: 'Other' });
    // The id is free again; a highlight elsewhere takes it.
    const taken = createHighlight(db, { sourceId: other, start: 17, end: 27 });
    db.prepare('UPDATE highlights SET id = ? WHERE id = ?').run(original.id, taken.id);
    const report = importWebAnnotations(db, sourceId, document);
    expect(report).toMatchObject({ imported: 1, duplicates: 0 });
    expect(report.highlightIds[0]).not.toBe(original.id);
    // A tool whose ids look like ours but whose target is another page is not taken for our export.
    const foreign = { type: 'Annotation', id: 'marginalia://highlight/9999', target: { source: 'https://example.org/elsewhere', selector: { type: 'TextQuoteSelector', exact: 'лишены' } } };
    expect(importWebAnnotations(db, sourceId, parseWebAnnotations(foreign)).highlightIds[0]).not.toBe(9999);
  });

  it('does not import the same annotations twice', () => {
    highlightSeveral();
    const document = parseWebAnnotations(JSON.parse(JSON.stringify(exportWebAnnotations(db, sourceId))));
    expect(importWebAnnotations(db, sourceId, document)).toMatchObject({ imported: 0, duplicates: 3 });
    expect(listHighlights(db, sourceId)).toHaveLength(3);
  });

  it('exports an orphan with its quote but no position, and imports it back as an orphan', () => {
    const orphan = createHighlight(db, { sourceId, ...span('son qoyulmasını') });
    reanchorSource(db, sourceId, BODY.replace('son qoyulmasını', 'sonunu'));
    const annotation = exportWebAnnotations(db, sourceId).first!.items[0]!;
    expect((annotation.target as { selector: { type: string }[] }).selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    const other = addSource(db, { body: 'Unrelated text about something else entirely.' });
    expect(importWebAnnotations(db, other, [annotation])).toMatchObject({ imported: 1, orphaned: 1 });
    expect(listHighlights(db, other)[0]).toMatchObject({ exact: orphan.exact, orphaned: true });
  });

  it('reads what other tools write: one annotation, bodyValue, no position, a list of targets', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://example.org/anno/1',
      type: 'Annotation',
      bodyValue: 'From another tool',
      target: ['https://example.org/page', { source: 'https://example.org/page', selector: { type: 'TextQuoteSelector', exact: 'փակ է' } }],
    };
    const report = importWebAnnotations(db, sourceId, parseWebAnnotations(foreign));
    expect(report).toMatchObject({ imported: 1, orphaned: 0 });
    expect(listHighlights(db, sourceId)[0]).toMatchObject({ exact: 'փակ է', comment: 'From another tool', color: 'yellow', start: span('փակ է').start });
  });

  it('refuses a file that is not Web Annotation JSON-LD, saying what is wrong', () => {
    expect(() => parseWebAnnotations({ type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: '' } } }, 'notes.jsonld')).toThrow(
      /notes\.jsonld is not W3C Web Annotation JSON-LD/,
    );
    expect(() => parseWebAnnotations([{ hello: 'world' }])).toThrow(/not W3C Web Annotation/);
    expect(listHighlights(db, sourceId)).toEqual([]);
  });
});
