import type { OperationName } from './contract';

/**
 * The contract's operation names alone, without their zod schemas: the preload needs only the names
 * (one function per operation), and importing contract.ts would bundle all of zod and every schema
 * into it. Kept equal to the contract's keys by the compiler (below, both ways) and by
 * operationNames.test.ts; add a new operation's name here, under its module.
 */
export const operationNames = [
  // library.ts
  'listSources',
  'listLanguages',
  'listOutlets',
  'getSource',
  'importFiles',
  'importSampleLibrary',
  'cancelImport',
  'updateSource',
  'replaceSourceText',
  'deleteSource',
  'deleteSources',
  'restoreSources',
  'setSourcesOutlet',
  'addSourcesToCollection',
  'libraryInfo',
  // backups.ts
  'listBackups',
  'backupNow',
  'restoreBackup',
  // notes.ts
  'listNotes',
  'listNotePage',
  'getNote',
  'createNote',
  'renameNote',
  'saveNote',
  'openNoteDoc',
  'applyNoteUpdate',
  'deleteNote',
  'restoreNote',
  'listBacklinks',
  'checkCitationTargets',
  // highlights.ts
  'listHighlights',
  'createHighlight',
  'updateHighlight',
  'addHighlightTag',
  'removeHighlightTag',
  'listTags',
  'deleteHighlight',
  'restoreHighlight',
  'reattachHighlight',
  'correctSourceText',
  'exportHighlights',
  'importHighlights',
  // search.ts
  'search',
  // export.ts
  'exportNote',
  'exportSourceHighlights',
  // compare.ts
  'listOutletDetails',
  'setOutlet',
  'mergeOutlets',
  'listCollections',
  'addToCollection',
  'removeFromCollection',
  'deleteCollection',
  'collectionSourceIds',
  'listCodes',
  'setCode',
  'renameCode',
  'mergeCodes',
  'deleteCode',
  'listPassages',
  'countPassages',
  'codeMatrix',
  'coOccurrence',
  'timeline',
  'relatedCoverage',
  'autocode',
  'undoAutocode',
] as const satisfies readonly OperationName[];

/** An operation of the contract missing above is a compile error here, naming it. */
type Unlisted = Exclude<OperationName, (typeof operationNames)[number]>;
export const EVERY_OPERATION_LISTED: [Unlisted] extends [never] ? true : { unlisted: Unlisted } = true;
