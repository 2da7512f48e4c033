import { foldSearchText, hasSearchableCharacters } from '../../shared/search/fold';
import type { ParsedQuery, SearchField, SearchTerm } from '../../shared/search/parseQuery';
import { searchKeyAlternatives, searchKeyOfWord } from '../../shared/search/searchKey';

/**
 * For one kind of result: the FTS columns an unfielded term searches (`text`) and those each field
 * filter searches, or null if it has none. These are the columns of folded text; each has a twin
 * named `<column>_key` holding the search keys (migration 12, searchKey.ts).
 */
export type FieldColumns = Readonly<Record<SearchField, readonly string[] | null> & { text: readonly string[] }>;

/** The key twin of each folded column. */
export const keyColumns = (columns: readonly string[]) => columns.map((column) => `${column}_key`);

/** Words of a folded term as unicode61 splits them (a mark stays inside its word). */
const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

const ftsString = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * A term with word forms on (not quoted), over the key columns: every word by its key, the last by
 * its stem's key as a prefix or by its own (searchKeyAlternatives), so `peacekeeper` finds
 * "peacekeepers" and `Лачин` finds "Laçın" and "Лачинского". Null when it has no word.
 */
function keyExpression(folded: string, typed: string, typedPrefix: boolean): string | null {
  const words = folded.match(WORD);
  if (!words) return null;
  // The fold keeps every word (token-preserving), so the typed words line up with the folded ones.
  const typedWords = typed.normalize('NFC').match(WORD);
  const last = typedWords?.length === words.length ? typedWords.at(-1)! : words.at(-1)!;
  const lead = words.slice(0, -1).map(searchKeyOfWord);
  const alternatives = searchKeyAlternatives(words.at(-1)!, typedPrefix, last).map(({ key, prefix }) => `${ftsString([...lead, key].join(' '))}${prefix ? '*' : ''}`);
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
}

/**
 * A term as FTS5 syntax, or why it has none: 'vacuous' (no indexable character, e.g. `&`, so it
 * constrains nothing) or 'impossible' (a field this kind lacks, e.g. tag: on a source).
 *
 * A quoted term is searched by its exact (folded) spelling in the folded columns; any other by its
 * keys in the key columns (word forms and other scripts: issue 14).
 *
 * User text only ever appears inside an FTS5 string ("…", with " doubled), where operators,
 * parentheses, colons, NEAR and column names are plain characters; the tokenizer then splits it
 * into words exactly as it split the indexed text. Column names come from our own table.
 */
export function termToFts(term: SearchTerm, fields: FieldColumns): string | 'vacuous' | 'impossible' {
  if (!hasSearchableCharacters(term.text)) return 'vacuous';
  const columns = term.field === null ? fields.text : fields[term.field];
  if (columns === null) return 'impossible';
  // Control characters (NUL above all) have no business in a query and could end the string early.
  // eslint-disable-next-line no-control-regex
  const folded = foldSearchText(term.text).replace(/[\u0000-\u001F\u007F]/gu, ' ');
  const keyed = term.phrase ? null : keyExpression(folded, term.text, term.prefix);
  if (keyed !== null) return `{${keyColumns(columns).join(' ')}} : ${keyed}`;
  return `{${columns.join(' ')}} : ${ftsString(folded)}${term.prefix ? '*' : ''}`;
}

/**
 * The FTS5 MATCH expression for one kind of result, to be bound as a parameter; null when the
 * query cannot match this kind at all (nothing to search for, or a group only of absent fields).
 */
export function buildMatch(parsed: ParsedQuery, fields: FieldColumns): string | null {
  const groups: string[] = [];
  for (const group of parsed.groups) {
    const terms = group.map((term) => termToFts(term, fields));
    const usable = terms.filter((term) => term !== 'vacuous' && term !== 'impossible');
    if (usable.length > 0) groups.push(usable.length === 1 ? usable[0]! : `(${usable.join(' OR ')})`);
    else if (terms.includes('impossible')) return null;
    // else: only vacuous terms, which constrain nothing
  }
  if (groups.length === 0) return null;
  const positive = groups.join(' AND ');
  const excluded = parsed.excluded.map((term) => termToFts(term, fields)).filter((term) => term !== 'vacuous' && term !== 'impossible');
  return excluded.length === 0 ? positive : `(${positive}) NOT (${excluded.join(' OR ')})`;
}
