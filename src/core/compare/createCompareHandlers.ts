import type { CompareHandlers } from '../../shared/api/compare';
import type { Db } from '../db/db';
import { autocode, undoAutocode } from './autocode';
import { deleteCode, listCodes, mergeCodes, renameCode, setCode } from './codes';
import { addToCollection, collectionSourceIds, deleteCollection, listCollections, removeFromCollection } from './collections';
import { codeMatrix, coOccurrence } from './matrix';
import { listOutletDetails, mergeOutlets, setOutlet } from './outlets';
import { countPassages, queryPassages } from './passages';
import { relatedCoverageInSlices } from './related';
import { timeline } from './timeline';

/** The compare operations of the contract on one open library (issue 11). */
export function createCompareHandlers(db: Db): CompareHandlers {
  return {
    listOutletDetails: () => listOutletDetails(db),
    setOutlet: ({ name, country, note }) => setOutlet(db, name, { country, note }),
    mergeOutlets: ({ from, into }) => mergeOutlets(db, from, into),
    listCollections: () => listCollections(db),
    addToCollection: ({ name, sourceIds }) => addToCollection(db, name, sourceIds),
    removeFromCollection: ({ name, sourceIds }) => removeFromCollection(db, name, sourceIds),
    deleteCollection: ({ name }) => {
      deleteCollection(db, name);
      return { deleted: true };
    },
    collectionSourceIds: ({ name }) => collectionSourceIds(db, name),
    listCodes: () => listCodes(db),
    setCode: ({ name, color, description }) => setCode(db, name, { color, description }),
    renameCode: ({ from, to }) => renameCode(db, from, to),
    mergeCodes: ({ from, into }) => mergeCodes(db, from, into),
    deleteCode: ({ name }) => deleteCode(db, name),
    listPassages: ({ filter, sort, after, limit, count }) => queryPassages(db, { filter, sort, after, limit, count }),
    countPassages: ({ filter }) => ({ total: countPassages(db, filter) }),
    codeMatrix: ({ by, filter }) => codeMatrix(db, by, filter),
    coOccurrence: ({ filter }) => coOccurrence(db, filter),
    timeline: (options) => timeline(db, options),
    // In slices: opening an article asks for it, and the article's own requests must not wait behind it.
    relatedCoverage: ({ sourceId }) => relatedCoverageInSlices(db, sourceId),
    autocode: (input) => autocode(db, input),
    undoAutocode: ({ highlightIds }) => undoAutocode(db, highlightIds),
  };
}
