import { randomInt } from 'node:crypto';
import { foldSearchText, SEARCH_FOLD } from '../../shared/search/fold';
import { wordsWithOtherKeys } from '../../shared/search/searchKey';
import type { FoldedSourceText, SourceText } from './sourceFold';
import { foldedFrom, sourceIndexValues } from './sourceFold';
import type { Db } from '../db/db';
import { prepared } from '../db/prepared';
import { writeTransaction } from '../db/writeTransaction';

/**
 * The index writer (issue 13): every change to searchable text calls one of these INSIDE the
 * writing transaction, and each folds with foldSearchText, the function queries are folded by.
 * The schema (migrations 7, 11 and 14) holds no folding SQL and no triggers. The indexes hold the
 * folded text; every word whose search key (searchKey.ts: other scripts and word forms, issue 14)
 * is not its own spelling is recorded once in `search_key_terms` (recordKeyTerms), where a query's
 * keys are turned into indexed spellings (buildMatch.ts).
 *
 * The FTS5 tables are external-content: they store no copy of the text, and snippet() re-reads the
 * ORIGINAL text from the content table, so results show the words as written. An FTS5 'delete'
 * must be given exactly the text that was indexed (other text corrupts the index), so:
 * - sources: the indexed text is the source's own columns folded; `unindexSource` runs BEFORE a
 *   change and refolds the unchanged row. This holds because every change to a source's title,
 *   outlet, author or body goes through sources.ts or reanchorSource, which call it; and because a
 *   library whose recorded fold version differs is rebuilt on open. (A folded copy of every
 *   article, as highlights keep, would add the library's whole text once more: issue 13, item 7.)
 * - highlights: what was indexed is kept in highlights_search_text, because a highlight's text also
 *   depends on its tags (other rows); reindexHighlight runs AFTER any change.
 * - notes: what was indexed is kept in notes_search_text; writeNoteSearchText runs AFTER any change.
 *   A deleted note (deleted_at set) is not in the index.
 */

const SOURCE_COLUMNS = 'title, outlet, author, body';
const SOURCE_INDEX_COLUMNS = SOURCE_COLUMNS;

/**
 * Per library: the words (as written) already looked at, the numbered key terms already recorded
 * (FoldedSourceText: by dictionary), and search_index.key_terms_written when they were (a random
 * mark each write sets). A transaction that rolled back (or a rebuild, or another connection)
 * changes that mark, and then the words are looked at again: a word must never be taken as
 * recorded when its row is gone.
 */
interface KeyTermsSeen {
  written: number;
  words: Set<string>;
  numbers: Map<string, Set<number>>;
  numbered: number;
}
const keyTermsSeen = new WeakMap<Db, KeyTermsSeen>();
const SEEN_LIMIT = 500_000;

/** The words this connection has looked at, as long as search_key_terms has not lost rows since (see keyTermsSeen). */
function seenKeyTerms(db: Db): KeyTermsSeen {
  const written = prepared(db, 'SELECT key_terms_written FROM search_index WHERE id = 1').pluck().get() as number;
  let seen = keyTermsSeen.get(db);
  if (!seen || seen.written !== written || seen.words.size + seen.numbered > SEEN_LIMIT) keyTermsSeen.set(db, (seen = { written, words: new Set(), numbers: new Map(), numbered: 0 }));
  return seen;
}

/** Records the words of folded texts whose key is not their own spelling (migration 14); in the writing transaction. */
export function recordKeyTerms(db: Db, folded: readonly (string | null)[]): void {
  const seen = seenKeyTerms(db);
  const found = new Map<string, string>();
  for (const text of folded) if (text !== null) wordsWithOtherKeys(text, seen.words, found);
  writeKeyTerms(db, seen, found);
}

/** The dictionaries of key terms learned (FoldedSourceText), by name, oldest first: a term and its key by number. */
const dictionaries = new Map<string, { terms: string[]; keys: string[] }>();
/** A parse worker starts a new dictionary every DICTIONARY_TERMS terms, or when it is replaced: the last few are enough. */
const KEPT_DICTIONARIES = 2;

/**
 * Learns the key terms a text folded elsewhere spells out. Call it for every such text, stored or
 * not (a duplicate spells out terms that later texts only number), before indexing any.
 */
export function learnKeyTerms(folded: FoldedSourceText): void {
  let known = dictionaries.get(folded.dictionary);
  if (!known) {
    if (dictionaries.size >= KEPT_DICTIONARIES) dictionaries.delete(dictionaries.keys().next().value!);
    dictionaries.set(folded.dictionary, (known = { terms: [], keys: [] }));
  }
  const { newKeyTerms } = folded;
  for (let at = 0, number = folded.firstNewNumber; at < newKeyTerms.length; number++) {
    const space = newKeyTerms.indexOf(' ', at);
    const next = newKeyTerms.indexOf(' ', space + 1);
    const end = next < 0 ? newKeyTerms.length : next;
    known.terms[number] = newKeyTerms.slice(at, space);
    known.keys[number] = newKeyTerms.slice(space + 1, end);
    at = end + 1;
  }
}

/** Records a text's numbered key terms; false, recording nothing, when a number is not known (learnKeyTerms). */
function recordNumberedKeyTerms(db: Db, folded: FoldedSourceText): boolean {
  const known = dictionaries.get(folded.dictionary);
  if (!known) return false;
  const seen = seenKeyTerms(db);
  let recorded = seen.numbers.get(folded.dictionary);
  if (!recorded) seen.numbers.set(folded.dictionary, (recorded = new Set()));
  const found = new Map<string, string>();
  const added: number[] = [];
  for (const number of folded.keyTermNumbers) {
    if (recorded.has(number)) continue;
    const term = known.terms[number];
    if (term === undefined) return false;
    found.set(term, known.keys[number]!);
    added.push(number);
  }
  writeKeyTerms(db, seen, found);
  // Taken as recorded once they are written.
  for (const number of added) recorded.add(number);
  seen.numbered += added.length;
  return true;
}

function writeKeyTerms(db: Db, seen: KeyTermsSeen, found: Map<string, string>): void {
  if (found.size === 0) return;
  const insert = prepared(db, 'INSERT OR IGNORE INTO search_key_terms (key, term) VALUES (?, ?)');
  for (const [term, key] of found) insert.run(key, term);
  // A fresh random mark, not a count: a count can come back to the same value (this connection
  // rolls back to W, another commits W + 1) and the words seen here would pass as recorded.
  prepared(db, 'UPDATE search_index SET key_terms_written = ? WHERE id = 1').run((seen.written = randomInt(1, 2 ** 47)));
}

function sourceText(db: Db, id: number): SourceText | undefined {
  return prepared(db, `SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`).get(id) as SourceText | undefined;
}

/**
 * Adds a source as it is now to the index; call after inserting it or changing its text. `text`,
 * when the caller holds it, is exactly what the row stores (the importer passes what it inserted);
 * `folded`, when given, is foldSourceText of that text, learned (learnKeyTerms); it is used only if it
 * was made from that text (foldedFrom), else the text is folded here.
 */
export function indexSource(db: Db, id: number, text?: SourceText, folded?: FoldedSourceText): void {
  let values: (string | null)[];
  if (folded && text && foldedFrom(folded, text)) {
    values = folded.values;
    if (!recordNumberedKeyTerms(db, folded)) recordKeyTerms(db, values);
  } else {
    const row = text ?? sourceText(db, id);
    if (!row) return;
    values = sourceIndexValues(row);
    recordKeyTerms(db, values);
  }
  prepared(db, `INSERT INTO sources_fts (rowid, ${SOURCE_INDEX_COLUMNS}) VALUES (?, ?, ?, ?, ?)`).run(id, ...values);
}

/** Takes a source out of the index; call BEFORE changing its text or deleting it. */
export function unindexSource(db: Db, id: number): void {
  const row = sourceText(db, id);
  if (!row) return;
  prepared(db, `INSERT INTO sources_fts (sources_fts, rowid, ${SOURCE_INDEX_COLUMNS}) VALUES ('delete', ?, ?, ?, ?, ?)`).run(id, ...sourceIndexValues(row));
}

interface HighlightText {
  exact: string;
  comment: string;
  tags: string;
}

const HIGHLIGHT_INDEX_COLUMNS = 'exact, comment, tags';

/** Brings one highlight's index entry in step with its rows (gone if the highlight is gone). */
export function reindexHighlight(db: Db, id: number): void {
  const indexed = prepared(db, `SELECT ${HIGHLIGHT_INDEX_COLUMNS} FROM highlights_search_text WHERE id = ?`).get(id) as HighlightText | undefined;
  if (indexed) {
    prepared(db, `INSERT INTO highlights_fts (highlights_fts, rowid, ${HIGHLIGHT_INDEX_COLUMNS}) VALUES ('delete', ?, ?, ?, ?)`).run(id, indexed.exact, indexed.comment, indexed.tags);
    prepared(db, 'DELETE FROM highlights_search_text WHERE id = ?').run(id);
  }
  // The comment column holds the translation too (issue 14), exactly as migration 12's view joins them for snippets.
  const row = prepared(db, "SELECT exact, comment || coalesce(char(10) || translation, '') AS comment FROM highlights WHERE id = ?").get(id) as { exact: string; comment: string } | undefined;
  if (!row) return;
  // Sorted by their key, so the order never varies and `tag:` finds each name.
  const tagNames = (prepared(db, 'SELECT t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = ? ORDER BY t.name_key').pluck().all(id) as string[]).join(' ');
  const values = [foldSearchText(row.exact), foldSearchText(row.comment), foldSearchText(tagNames)];
  recordKeyTerms(db, values);
  prepared(db, `INSERT INTO highlights_search_text (id, ${HIGHLIGHT_INDEX_COLUMNS}, tag_names) VALUES (?, ?, ?, ?, ?)`).run(id, ...values, tagNames);
  prepared(db, `INSERT INTO highlights_fts (rowid, ${HIGHLIGHT_INDEX_COLUMNS}) VALUES (?, ?, ?, ?)`).run(id, ...values);
}

/** The highlights of a source: read before deleting it, to take them out of the index after. */
export function highlightIdsOfSource(db: Db, sourceId: number): number[] {
  return prepared(db, 'SELECT id FROM highlights WHERE source_id = ?').pluck().all(sourceId) as number[];
}

const NOTE_INDEX_COLUMNS = 'title, plain_text';

/** Brings one note's index entry in step with its row: indexed while it exists and is not deleted. */
export function writeNoteSearchText(db: Db, id: number): void {
  const indexed = prepared(db, `SELECT ${NOTE_INDEX_COLUMNS} FROM notes_search_text WHERE id = ?`).get(id) as Record<string, string> | undefined;
  if (indexed) {
    prepared(db, `INSERT INTO notes_fts (notes_fts, rowid, ${NOTE_INDEX_COLUMNS}) VALUES ('delete', ?, ?, ?)`).run(id, indexed.title, indexed.plain_text);
    prepared(db, 'DELETE FROM notes_search_text WHERE id = ?').run(id);
  }
  const row = prepared(db, 'SELECT title, plain_text FROM notes WHERE id = ? AND deleted_at IS NULL').get(id) as { title: string; plain_text: string } | undefined;
  if (!row) return;
  const values = [foldSearchText(row.title), foldSearchText(row.plain_text)];
  recordKeyTerms(db, values);
  prepared(db, `INSERT INTO notes_search_text (id, ${NOTE_INDEX_COLUMNS}) VALUES (?, ?, ?)`).run(id, ...values);
  prepared(db, `INSERT INTO notes_fts (rowid, ${NOTE_INDEX_COLUMNS}) VALUES (?, ?, ?)`).run(id, ...values);
}

/**
 * The tokenizer of the three indexes, as migrations 7 and 11 declare it (frozen there). A temporary FTS5
 * table that must split text exactly as the indexes do (coding by search) uses this.
 */
export const SEARCH_TOKENIZER = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'";

/** The fold version the library's indexes were built with (0: not built yet). */
export function indexedFoldVersion(db: Db): number {
  return db.prepare('SELECT fold_version FROM search_index WHERE id = 1').pluck().get() as number;
}

/**
 * Rebuilds all three indexes from the rows with SEARCH_FOLD, in one transaction, and records its
 * version. 'delete-all' needs no old text, so this is safe whatever the indexes held. Never use
 * FTS5's 'rebuild' here: it would index the unfolded text of the content tables.
 */
export function rebuildSearchIndex(db: Db): void {
  writeTransaction(db, () => {
    for (const table of ['sources_fts', 'highlights_fts', 'notes_fts']) db.prepare(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`).run();
    db.prepare('DELETE FROM highlights_search_text').run();
    db.prepare('DELETE FROM notes_search_text').run();
    db.prepare('DELETE FROM search_key_terms').run();
    db.prepare('UPDATE search_index SET key_terms_written = key_terms_written + 1 WHERE id = 1').run();
    for (const id of db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[]) indexSource(db, id);
    for (const id of db.prepare('SELECT id FROM highlights ORDER BY id').pluck().all() as number[]) reindexHighlight(db, id);
    for (const id of db.prepare('SELECT id FROM notes WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[]) writeNoteSearchText(db, id);
    db.prepare('UPDATE search_index SET fold_version = ? WHERE id = 1').run(SEARCH_FOLD.version);
  });
}

/** Called on every writable open: rebuilds the indexes when they were folded by another version. */
export function ensureSearchIndex(db: Db): boolean {
  if (indexedFoldVersion(db) === SEARCH_FOLD.version) return false;
  rebuildSearchIndex(db);
  return true;
}
