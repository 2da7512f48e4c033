import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { hasInterop, INTEROP_SKIP } from '../interopReferences';
import { createHighlight, updateHighlight } from './highlights';
import { failedMusts, passesAssertion } from './w3cAnnotationSuite';
import { exportWebAnnotations } from './webAnnotation';
import { addSource, openTestLibrary } from '../../../tests/support/library';

const BODY = 'Լաչինի միջանցքը փակ է 🚧։\n\nЖители лишены продовольствия.\n\nFəallar tələb edirlər.';

let db: Db;
let cleanup: () => void;
let sourceId: number;
beforeEach(() => {
  ({ db, cleanup } = openTestLibrary());
  sourceId = addSource(db, { body: BODY });
});
afterEach(() => cleanup());

const span = (phrase: string) => ({ start: BODY.indexOf(phrase), end: BODY.indexOf(phrase) + phrase.length });

describe.skipIf(!hasInterop)(`Web Annotation export against the W3C test suite's MUST schemas${INTEROP_SKIP}`, () => {
  it('passes every MUST for the collection, its page and each annotation', () => {
    createHighlight(db, { sourceId, ...span('փակ է'), color: 'red', comment: 'Closed', tags: ['blockade'] });
    const second = createHighlight(db, { sourceId, ...span('лишены'), tags: ['humanitarian'] });
    updateHighlight(db, second.id, { comment: 'Compare', translation: { text: 'Residents are deprived of food.', language: 'en', tool: 'DeepL' } });
    const orphan = createHighlight(db, { sourceId, ...span('tələb') });
    // An orphan is exported with its quote alone.
    db.prepare('UPDATE highlights SET orphaned = 1 WHERE id = ?').run(orphan.id);
    const collection = exportWebAnnotations(db, sourceId);
    expect(failedMusts('collections/collectionMusts.test', collection)).toEqual([]);
    expect(failedMusts('collections/pages/pageMusts.test', collection)).toEqual([]);
    // The page as a document of its own, as a server would serve it.
    expect(failedMusts('collections/pages/pageMusts.test', { '@context': collection['@context'], ...collection.first })).toEqual([]);
    const items = collection.first!.items;
    expect(items).toHaveLength(3);
    for (const annotation of items) expect(failedMusts('annotations/annotationMusts.test', { '@context': collection['@context'], ...annotation })).toEqual([]);
  });

  it('fails the MUSTs where a document breaks them, so the checks above can fail', () => {
    createHighlight(db, { sourceId, ...span('փակ է') });
    const collection = exportWebAnnotations(db, sourceId);
    const { id: _id, ...pageWithoutId } = collection.first!;
    expect(failedMusts('collections/pages/pageMusts.test', { ...collection, first: pageWithoutId })).toEqual([expect.stringContaining('5.2-pageIdValidated.json')]);
    const annotation = { '@context': collection['@context'], ...collection.first!.items[0]!, created: 'yesterday' };
    expect(failedMusts('annotations/annotationMusts.test', annotation)).toEqual([expect.stringContaining('3.3.1-annotationCreatedValidated.json')]);
  });

  it('gives the creator where known and the source language on the target, as the suite checks them', () => {
    db.prepare("UPDATE sources SET language = 'hy' WHERE id = ?").run(sourceId);
    createHighlight(db, { sourceId, ...span('փակ է') });
    const [annotation] = exportWebAnnotations(db, sourceId, { creator: 'Anahit Petrosyan' }).first!.items;
    expect(annotation).toMatchObject({ creator: { type: 'Person', name: 'Anahit Petrosyan' }, generator: { type: 'Software', name: 'Marginalia' }, target: { language: 'hy' } });
    expect(passesAssertion('annotations/3.3.1-annotationCreatorImplemented.json', annotation)).toBe(true);
    expect(passesAssertion('annotations/bodiesTargets/3.2.1-targLanguage.json', annotation)).toBe(true);
    // A translation (issue 14) is a describing body in its own language, made by its tool.
    const translated = updateHighlight(db, createHighlight(db, { sourceId, ...span('лишены') }).id, { translation: { text: 'deprived', language: 'en', tool: 'DeepL' } });
    const withTranslation = exportWebAnnotations(db, sourceId).first!.items.find((item) => item.id === `marginalia://highlight/${translated.id}`)!;
    expect(withTranslation.body).toEqual([{ type: 'TextualBody', purpose: 'describing', value: 'deprived', format: 'text/plain', language: 'en', creator: { type: 'Software', name: 'DeepL' } }]);
    expect(passesAssertion('annotations/bodiesTargets/3.2.1-bodyLanguage.json', withTranslation)).toBe(true);
    // Unknown, they are left out rather than guessed.
    db.prepare('UPDATE sources SET language = NULL WHERE id = ?').run(sourceId);
    const [bare] = exportWebAnnotations(db, sourceId).first!.items;
    expect(bare).not.toHaveProperty('creator');
    expect(bare!.target).not.toHaveProperty('language');
    expect(passesAssertion('annotations/3.3.1-annotationCreatorImplemented.json', bare)).toBe(false);
  });
});
