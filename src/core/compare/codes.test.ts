import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { listHighlights } from '../highlights/highlightRows';
import { removeHighlightTag } from '../highlights/tags';
import { searchLibrary } from '../search/search';
import { deleteCode, listCodes, mergeCodes, renameCode, setCode } from './codes';
import { addHighlight, importSamples, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let cleanup: () => void;
let ids: number[];
beforeEach(async () => {
  ({ db, cleanup } = openTestLibrary());
  ids = await importSamples(db);
});
afterEach(() => cleanup());

const codeNames = () => listCodes(db).map((code) => [code.name, code.parent, code.passageCount]);
const highlightIdsFound = (query: string) => searchLibrary(db, query).results.filter((result) => result.type === 'highlight').map((result) => result.id).sort();

describe('the codebook', () => {
  it('lists codes as a tree: parents (even without a row of their own) before children, counts including children', () => {
    addHighlight(db, ids[0]!, 'fictitious pretext', { tags: ['framing/blockade-denial', 'actors/Azerbaijan'] });
    addHighlight(db, ids[1]!, 'illegal blockade', { tags: ['framing/illegal-blockade'] });
    addHighlight(db, ids[2]!, 'illegal blockade', { tags: ['framing'] });
    expect(codeNames()).toEqual([
      ['actors', null, 1],
      ['actors/Azerbaijan', 'actors', 1],
      ['framing', null, 3],
      ['framing/blockade-denial', 'framing', 1],
      ['framing/illegal-blockade', 'framing', 1],
    ]);
  });

  it('keeps existing tags as codes unchanged, and keeps a code with a colour or description when no passage carries it', () => {
    const highlight = addHighlight(db, ids[0]!, 'fictitious pretext', { tags: ['Blockade'] });
    setCode(db, 'framing/peaceful-protest', { color: '#D9480F', description: 'The blockade called an environmental protest' });
    removeHighlightTag(db, highlight, 'Blockade');
    expect(listCodes(db)).toEqual([
      { name: 'framing', parent: null, color: null, description: '', passageCount: 0 },
      { name: 'framing/peaceful-protest', parent: 'framing', color: '#d9480f', description: 'The blockade called an environmental protest', passageCount: 0 },
    ]);
  });

  it('renames a code everywhere with its children, and search finds passages by the new name only', () => {
    const a = addHighlight(db, ids[0]!, 'fictitious pretext', { tags: ['framing/blockade-denial'] });
    const b = addHighlight(db, ids[1]!, 'illegal blockade', { tags: ['framing'] });
    renameCode(db, 'framing', 'frames');
    expect(codeNames()).toEqual([
      ['frames', null, 2],
      ['frames/blockade-denial', 'frames', 1],
    ]);
    expect(listHighlights(db, ids[0]!)[0]!.tags).toEqual(['frames/blockade-denial']);
    expect(highlightIdsFound('tag:frames')).toEqual([a, b].sort());
    // Quoted: the old name exactly (unquoted, framing also finds its word form "frames").
    expect(highlightIdsFound('tag:"framing"')).toEqual([]);
  });

  it('renaming onto an existing code merges them: a passage carrying both keeps one', () => {
    const both = addHighlight(db, ids[0]!, 'fictitious pretext', { tags: ['denial', 'framing/blockade-denial'] });
    const one = addHighlight(db, ids[1]!, 'illegal blockade', { tags: ['denial'] });
    setCode(db, 'denial', { description: 'older' });
    mergeCodes(db, 'denial', 'framing/blockade-denial');
    expect(codeNames()).toEqual([
      ['framing', null, 2],
      ['framing/blockade-denial', 'framing', 2],
    ]);
    expect(listCodes(db)[1]!.description).toBe('older');
    expect(listHighlights(db, ids[0]!)[0]!.tags).toEqual(['framing/blockade-denial']);
    expect(highlightIdsFound('tag:denial')).toEqual([both, one].sort());
    expect(() => mergeCodes(db, 'framing', 'nowhere')).toThrow(/nowhere/);
  });

  it('refuses to move a code under itself', () => {
    addHighlight(db, ids[0]!, 'fictitious pretext', { tags: ['framing'] });
    expect(() => renameCode(db, 'framing', 'framing/sub')).toThrow(/under itself/);
  });

  it('deletes a code and those below it; passages keep their other codes', () => {
    addHighlight(db, ids[0]!, 'fictitious pretext', { tags: ['framing/blockade-denial', 'actors/Azerbaijan'] });
    expect(deleteCode(db, 'framing')).toEqual({ removedFrom: 1 });
    expect(listHighlights(db, ids[0]!)[0]!.tags).toEqual(['actors/Azerbaijan']);
    expect(codeNames()).toEqual([
      ['actors', null, 1],
      ['actors/Azerbaijan', 'actors', 1],
    ]);
    // Quoted: the old name exactly (unquoted, framing also finds its word form "frames").
    expect(highlightIdsFound('tag:"framing"')).toEqual([]);
  });
});
