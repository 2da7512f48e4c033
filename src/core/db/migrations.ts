import { MIGRATION_1_SOURCES } from './migrations/migration1Sources';
import { MIGRATION_2_HIGHLIGHTS } from './migrations/migration2Highlights';
import { MIGRATION_3_SOURCE_SEARCH } from './migrations/migration3SourceSearch';
import { MIGRATION_4_PDF_PAGES } from './migrations/migration4PdfPages';
import { MIGRATION_5_NOTES } from './migrations/migration5Notes';
import { MIGRATION_6_HIGHLIGHT_NOTE_SEARCH } from './migrations/migration6HighlightNoteSearch';
import { MIGRATION_7_SEARCH_FOLD_IN_CODE } from './migrations/migration7SearchFoldInCode';
import { MIGRATION_8_COMPARE } from './migrations/migration8Compare';
import { MIGRATION_9_NOTE_UPDATES } from './migrations/migration9NoteUpdates';
import { MIGRATION_10_SOURCE_LIST } from './migrations/migration10SourceList';
import { MIGRATION_11_QUOTE_TRANSLATIONS } from './migrations/migration11QuoteTranslations';
import { MIGRATION_12_SEARCH_KEYS } from './migrations/migration12SearchKeys';
import { MIGRATION_13_LANGUAGES } from './migrations/migration13Languages';
import { MIGRATION_14_SEARCH_KEY_TERMS } from './migrations/migration14SearchKeyTerms';
import { MIGRATION_15_LIBRARY_TASKS } from './migrations/migration15LibraryTasks';
import { MIGRATION_16_LEFT_STRICT, MIGRATION_16_NOT_STRICT } from './migrations/migration16NotStrict';
import { MIGRATION_17_SOURCE_LIST_LANGUAGE } from './migrations/migration17SourceListLanguage';
import { MIGRATION_18_TIMELINE_PASSAGES } from './migrations/migration18TimelinePassages';
import { MIGRATION_19_ORIGINAL_DICTIONARY } from './migrations/migration19OriginalDictionary';

/**
 * Numbered schema migrations. Append only: a released migration is never edited, because
 * libraries in the field were built by it. Each is literal SQL text in its own file under
 * migrations/ (nothing interpolated: an edit to a live constant must never rewrite a released
 * migration). `user_version` records the last one applied.
 */
export const migrations: readonly string[] = [
  // 1: sources
  MIGRATION_1_SOURCES,
  // 2: highlights, tags, highlight_tags (issue 3)
  MIGRATION_2_HIGHLIGHTS,
  // 3: full-text search over sources (issue 6)
  MIGRATION_3_SOURCE_SEARCH,
  // 4: PDF page boundaries (issue 8)
  MIGRATION_4_PDF_PAGES,
  // 5: notes and the citations derived from them (issue 4)
  MIGRATION_5_NOTES,
  // 6: full-text search over highlights and notes (issue 6)
  MIGRATION_6_HIGHLIGHT_NOTE_SEARCH,
  // 7: search folding in TypeScript, indexes rebuilt, original bytes compressible (issue 13)
  MIGRATION_7_SEARCH_FOLD_IN_CODE,
  // 8: outlets, collections, codes with colour and description (issue 11)
  MIGRATION_8_COMPARE,
  // 9: a note's Yjs update log, for live editing in several windows (issue 12)
  MIGRATION_9_NOTE_UPDATES,
  // 10: the indexes the library list sorts and pages by (issue 13)
  MIGRATION_10_SOURCE_LIST,
  // 11: a translation beside a highlighted quote (issue 14)
  MIGRATION_11_QUOTE_TRANSLATIONS,
  // 12: search keys beside the folded text: across scripts and word forms (issue 14)
  MIGRATION_12_SEARCH_KEYS,
  // 13: citekeys pinned by the researcher, titles made by the importer (issue 14)
  MIGRATION_13_LANGUAGES,
  // 14: search keys in a table of their own, not twin FTS columns: the library 2.5 times its text at most (issues 13, 14)
  MIGRATION_14_SEARCH_KEY_TERMS,
  // 15: one-off jobs done once per library, such as the language backfill (issue 14)
  MIGRATION_15_LIBRARY_TASKS,
  // 16: no STRICT tables (3.37), so that SQLite 3.31 reads the library; no row copied (issue 13)
  MIGRATION_16_NOT_STRICT,
  // 17: the library list filtered by language, one index per sort (issue 13)
  MIGRATION_17_SOURCE_LIST_LANGUAGE,
  // 18: the timeline's passages counted per source and code by triggers, beside the source's outlet and date (issue 11)
  MIGRATION_18_TIMELINE_PASSAGES,
  // 19: a correction that leaves the original's dictionary (the body's last 32 KB) alone is no longer refused (issue 13)
  MIGRATION_19_ORIGINAL_DICTIONARY,
];

export const SCHEMA_VERSION = migrations.length;

/**
 * The migrations that edit the text of sqlite_schema in place (SQLite's procedure for a change that
 * leaves every stored row as it is; see migration16NotStrict.ts), by number, each with a query that
 * names what the edit should have changed and did not. The runner (openDatabase.ts) gives them
 * `writable_schema`, raises `schema_version` so that every connection reloads the schema, and
 * commits only when the query names nothing and quick_check is ok.
 */
export const SCHEMA_TEXT_EDITS: ReadonlyMap<number, { leftUndone: string }> = new Map([[16, { leftUndone: MIGRATION_16_LEFT_STRICT }]]);
