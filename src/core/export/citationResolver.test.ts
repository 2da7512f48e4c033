import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerializedCitation } from '../../shared/domain/note';
import { CITATION_NODE_TYPE } from '../../shared/domain/note';
import { highlightCitation } from '../../shared/notes/citationPayload';
import { deleteHighlight, updateHighlight } from '../highlights/highlights';
import { getSource } from '../sources';
import { openTestLibrary } from '../../../tests/support/library';
import { createCitationResolver } from './citationResolver';
import { AZERBAIJANI_QUOTE, buildSampleLibrary } from './sampleNote';

const TRANSLATION = { text: 'The protest on the Lachin road goes on', language: 'en', tool: null };

let library: ReturnType<typeof openTestLibrary>;
let ids: ReturnType<typeof buildSampleLibrary>;
beforeEach(() => {
  library = openTestLibrary();
  ids = buildSampleLibrary(library.db);
});
afterEach(() => library.cleanup());

describe('a cited passage’s translation at export (issue 14)', () => {
  it('is the library’s while the passage is there, and the snapshot’s once it is deleted', () => {
    const citation: SerializedCitation = { type: CITATION_NODE_TYPE, version: 1, ...highlightCitation(getSource(library.db, ids.report), { id: ids.azerbaijaniHighlight, exact: AZERBAIJANI_QUOTE, translation: TRANSLATION }) };
    // Removed from the passage since it was cited: the export follows the library.
    expect(createCitationResolver(library.db)(citation).translation).toBeNull();
    updateHighlight(library.db, ids.azerbaijaniHighlight, { translation: { ...TRANSLATION, text: 'Corrected since' } });
    expect(createCitationResolver(library.db)(citation).translation).toBe('Corrected since');
    deleteHighlight(library.db, ids.azerbaijaniHighlight);
    expect(createCitationResolver(library.db)(citation)).toMatchObject({ passage: 'deleted', quote: AZERBAIJANI_QUOTE, translation: TRANSLATION.text });
  });
});
