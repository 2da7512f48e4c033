import { z } from 'zod';
import {
  AutocodeResult,
  AutocodeUnit,
  Code,
  CodeColor,
  CodeMatrix,
  CodeName,
  Collection,
  CollectionName,
  CoOccurrence,
  CountryCode,
  MatrixBy,
  Outlet,
  OutletName,
  PASSAGE_PAGE_MAX,
  PassageFilter,
  PassagePage,
  PassageSort,
  RelatedSource,
  TIMELINE_MAX_MARKS,
  Timeline,
  TimelineBy,
} from '../domain/compare';
import { HighlightColor, HighlightId } from '../domain/highlight';
import { IsoDate, SourceId } from '../domain/source';
import type { Change } from './changes';
import { mutation, query } from './operation';

const SourceIds = z.array(SourceId).min(1).max(100_000);

/** A code renamed, merged or deleted, or passages coded in a batch: the codebook and the passages (of any source). */
const CODE_CHANGES: Change[] = [{ kind: 'tags' }, { kind: 'highlights' }];

/** Comparing across sources (issue 11): outlets, collections, the codebook and the views over them. */
export const compareOperations = {
  listOutletDetails: query(z.object({}), z.array(Outlet)),
  /** Country null clears it; a field left out keeps its value. */
  setOutlet: mutation(z.object({ name: OutletName, country: CountryCode.nullable().optional(), note: z.string().max(2000).optional() }), Outlet, [{ kind: 'outlets' }]),
  /** Every source of `from` moves to `into` (created if new): renaming is merging into a new name. */
  mergeOutlets: mutation(z.object({ from: OutletName, into: OutletName }), Outlet, [{ kind: 'outlets' }, { kind: 'sources' }]),

  listCollections: query(z.object({}), z.array(Collection)),
  /** Creates the collection when it does not exist yet. */
  addToCollection: mutation(z.object({ name: CollectionName, sourceIds: SourceIds }), Collection, [{ kind: 'collections' }]),
  removeFromCollection: mutation(z.object({ name: CollectionName, sourceIds: SourceIds }), Collection, [{ kind: 'collections' }]),
  deleteCollection: mutation(z.object({ name: CollectionName }), z.object({ deleted: z.literal(true) }), [{ kind: 'collections' }]),
  collectionSourceIds: query(z.object({ name: CollectionName }), z.array(SourceId)),

  listCodes: query(z.object({}), z.array(Code)),
  setCode: mutation(z.object({ name: CodeName, color: CodeColor.nullable().optional(), description: z.string().trim().max(2000).optional() }), Code, [{ kind: 'tags' }]),
  /** Renames a code and its children; onto an existing code, merges. */
  renameCode: mutation(z.object({ from: CodeName, to: CodeName }), Code, CODE_CHANGES),
  mergeCodes: mutation(z.object({ from: CodeName, into: CodeName }), Code, CODE_CHANGES),
  /** Deletes a code and those below it; passages keep their other codes. */
  deleteCode: mutation(z.object({ name: CodeName }), z.object({ removedFrom: z.number().int().nonnegative() }), CODE_CHANGES),

  listPassages: query(
    z.object({
      filter: PassageFilter.default({}),
      sort: PassageSort.default('date'),
      /** The `next` of the page before. */
      after: z.string().max(2000).nullable().default(null),
      limit: z.number().int().min(1).max(PASSAGE_PAGE_MAX).default(200),
      /** False: total is null, so the page does not wait for counting every match (Passages asks countPassages after it). */
      count: z.boolean().default(true),
    }),
    PassagePage,
  ),
  countPassages: query(z.object({ filter: PassageFilter.default({}) }), z.object({ total: z.number().int().nonnegative() })),
  codeMatrix: query(z.object({ by: MatrixBy.default('outlet'), filter: PassageFilter.default({}) }), CodeMatrix),
  coOccurrence: query(z.object({ filter: PassageFilter.default({}) }), CoOccurrence),
  timeline: query(
    z.object({
      by: TimelineBy.default('outlet'),
      after: IsoDate.optional(),
      before: IsoDate.optional(),
      codedOnly: z.boolean().default(false),
      /** Marks a lane at most: as many as its width shows side by side (the page asks), at most TIMELINE_MAX_MARKS. */
      maxMarks: z.number().int().min(1).max(TIMELINE_MAX_MARKS).optional(),
    }),
    Timeline,
  ),
  relatedCoverage: query(z.object({ sourceId: SourceId }), z.array(RelatedSource)),
  /** Codes every matching sentence or paragraph; undo with undoAutocode and the returned ids. */
  autocode: mutation(z.object({ query: z.string().min(1).max(1000), code: CodeName, unit: AutocodeUnit.default('sentence'), color: HighlightColor.default('yellow') }), AutocodeResult, CODE_CHANGES),
  undoAutocode: mutation(z.object({ highlightIds: z.array(HighlightId).max(10_000) }), z.object({ deleted: z.number().int() }), CODE_CHANGES),
};

export type CompareOperations = typeof compareOperations;

/** Answered at once, except Related coverage, computed in slices that give the thread back (src/core/compare/related.ts). */
export type CompareHandlers = {
  [K in keyof CompareOperations]: (request: z.output<CompareOperations[K]['request']>) => K extends 'relatedCoverage' ? Promise<z.output<CompareOperations[K]['response']>> : z.output<CompareOperations[K]['response']>;
};
