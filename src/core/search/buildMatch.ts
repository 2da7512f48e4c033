import { foldSearchText, hasSearchableCharacters } from '../../shared/search/fold';
import type { ParsedQuery, SearchField, SearchTerm } from '../../shared/search/parseQuery';
import type { KeyAlternative } from '../../shared/search/stemming';
import { searchKeyOfWord } from '../../shared/search/searchKey';
import { searchKeyAlternatives } from '../../shared/search/stemming';
import type { Db } from '../db/db';
import { prepared } from '../db/prepared';

/**
 * For one kind of result: the FTS columns an unfielded term searches (`text`) and those each field
 * filter searches, or null if it has none. These are columns of folded text.
 */
export type FieldColumns = Readonly<Record<SearchField, readonly string[] | null> & { text: readonly string[] }>;

/** Past this many spellings of one term, its words are matched each on its own rather than as a phrase. */
const MAX_PHRASES = 64;
const LAST_CHARACTER = String.fromCodePoint(0x10ffff);

/** Whether a prefix already found covers `text` (a beginning covers every longer one). */
const covered = (found: ReadonlyMap<string, boolean>, text: string) => {
  for (const [beginning, isPrefix] of found) if (isPrefix && text.startsWith(beginning)) return true;
  return false;
};

/**
 * The indexed spellings (folded, lower case) of one key alternative, as FTS5 strings: the key itself
 * (most words' key is their spelling) and every word of search_key_terms with that key (migration 14;
 * Лачин and Lachin for `lacin`). For a prefix, each word by its shortest beginning whose key starts
 * with the key (лачин* for lacin*), so a short prefix stays a short expression.
 */
function spellings(db: Db, { key, prefix }: KeyAlternative): { text: string; prefix: boolean }[] {
  const terms = (prefix
    ? prepared(db, 'SELECT term FROM search_key_terms WHERE key >= ? AND key < ? ORDER BY term').pluck().all(key, key + LAST_CHARACTER)
    : prepared(db, 'SELECT term FROM search_key_terms WHERE key = ? ORDER BY term').pluck().all(key)) as string[];
  const found = new Map<string, boolean>([[key, prefix]]);
  for (const term of terms) {
    if (!prefix) {
      found.set(term, false);
      continue;
    }
    // Terms come in order, so most share a beginning already found: skip them before working out their own.
    if (covered(found, term)) continue;
    let end = 1;
    while (end < term.length && !searchKeyOfWord(term.slice(0, end)).startsWith(key)) end++;
    const beginning = term.slice(0, end);
    // A beginning covers every longer one, so a prefix query for `ma` is a few beginnings, not every word.
    if (!covered(found, beginning)) found.set(beginning, true);
  }
  return [...found].map(([text, isPrefix]) => ({ text, prefix: isPrefix }));
}

/** Words of a folded term as unicode61 splits them (a mark stays inside its word). */
const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

const ftsString = (text: string) => `"${text.replaceAll('"', '""')}"`;

const either = (alternatives: readonly string[]) => (alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`);

/**
 * A term with word forms on (not quoted): every word by its key, the last by its stem's key as a
 * prefix or by its own (searchKeyAlternatives), so `peacekeeper` finds "peacekeepers" and `Лачин`
 * finds "Laçın" and "Лачинского"; each key then as every indexed spelling it has (spellings). Null
 * when it has no word.
 */
function keyExpression(db: Db, folded: string, typed: string, typedPrefix: boolean): string | null {
  const words = folded.match(WORD);
  if (!words) return null;
  // The fold keeps every word (token-preserving), so the typed words line up with the folded ones.
  const typedWords = typed.normalize('NFC').match(WORD);
  const last = typedWords?.length === words.length ? typedWords.at(-1)! : words.at(-1)!;
  const lead = words.slice(0, -1).map((word) => spellings(db, { key: searchKeyOfWord(word), prefix: false }).map(({ text }) => text));
  const ends = searchKeyAlternatives(words.at(-1)!, typedPrefix, last).flatMap((alternative) => spellings(db, alternative));
  const phrases = lead.reduce((count, texts) => count * texts.length, ends.length);
  const endExpression = either(ends.map(({ text, prefix }) => `${ftsString(text)}${prefix ? '*' : ''}`));
  if (phrases > MAX_PHRASES) return [...lead.map((texts) => either(texts.map(ftsString))), endExpression].join(' AND ');
  let heads: string[][] = [[]];
  for (const texts of lead) heads = heads.flatMap((head) => texts.map((text) => [...head, text]));
  return either(heads.flatMap((head) => ends.map(({ text, prefix }) => `${ftsString([...head, text].join(' '))}${prefix ? '*' : ''}`)));
}

/**
 * A term as FTS5 syntax, or why it has none: 'vacuous' (no indexable character, e.g. `&`, so it
 * constrains nothing) or 'impossible' (a field this kind lacks, e.g. tag: on a source).
 *
 * A quoted term is searched by its exact (folded) spelling; any other by the spellings its keys
 * have in the library (word forms and other scripts: issue 14).
 *
 * User text only ever appears inside an FTS5 string ("…", with " doubled), where operators,
 * parentheses, colons, NEAR and column names are plain characters; the tokenizer then splits it
 * into words exactly as it split the indexed text. Column names come from our own table.
 */
export function termToFts(term: SearchTerm, fields: FieldColumns, db: Db): string | 'vacuous' | 'impossible' {
  if (!hasSearchableCharacters(term.text)) return 'vacuous';
  const columns = term.field === null ? fields.text : fields[term.field];
  if (columns === null) return 'impossible';
  // Control characters (NUL above all) have no business in a query and could end the string early.
  // eslint-disable-next-line no-control-regex
  const folded = foldSearchText(term.text).replace(/[\u0000-\u001F\u007F]/gu, ' ');
  const keyed = term.phrase ? null : keyExpression(db, folded, term.text, term.prefix);
  if (keyed !== null) return `{${columns.join(' ')}} : ${keyed}`;
  return `{${columns.join(' ')}} : ${ftsString(folded)}${term.prefix ? '*' : ''}`;
}

/**
 * The FTS5 MATCH expression for one kind of result, to be bound as a parameter; null when the
 * query cannot match this kind at all (nothing to search for, or a group only of absent fields).
 * `db`: the library whose search_key_terms give the spellings of each key.
 */
export function buildMatch(parsed: ParsedQuery, fields: FieldColumns, db: Db): string | null {
  const groups: string[] = [];
  for (const group of parsed.groups) {
    const terms = group.map((term) => termToFts(term, fields, db));
    const usable = terms.filter((term) => term !== 'vacuous' && term !== 'impossible');
    if (usable.length > 0) groups.push(usable.length === 1 ? usable[0]! : `(${usable.join(' OR ')})`);
    else if (terms.includes('impossible')) return null;
    // else: only vacuous terms, which constrain nothing
  }
  if (groups.length === 0) return null;
  const positive = groups.join(' AND ');
  const excluded = parsed.excluded.map((term) => termToFts(term, fields, db)).filter((term) => term !== 'vacuous' && term !== 'impossible');
  return excluded.length === 0 ? positive : `(${positive}) NOT (${excluded.join(' OR ')})`;
}
