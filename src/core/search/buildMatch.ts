import { foldSearchText, hasSearchableCharacters } from '../../shared/search/fold';
import type { ParsedQuery, SearchField, SearchTerm } from '../../shared/search/parseQuery';

/** For one kind of result: the FTS columns each field filter searches, or null if it has none. */
export type FieldColumns = Readonly<Record<SearchField, readonly string[] | null>>;

/**
 * A term as FTS5 syntax, or why it has none: 'vacuous' (no indexable character, e.g. `&`, so it
 * constrains nothing) or 'impossible' (a field this kind lacks, e.g. tag: on a source).
 *
 * User text only ever appears inside an FTS5 string ("…", with " doubled), where operators,
 * parentheses, colons, NEAR and column names are plain characters; the tokenizer then splits it
 * into words exactly as it split the indexed text. Field names come from our own table.
 */
export function termToFts(term: SearchTerm, fields: FieldColumns): string | 'vacuous' | 'impossible' {
  if (!hasSearchableCharacters(term.text)) return 'vacuous';
  let columns: readonly string[] | null = null;
  if (term.field !== null) {
    columns = fields[term.field];
    if (columns === null) return 'impossible';
  }
  // Control characters (NUL above all) have no business in a query and could end the string early.
  // eslint-disable-next-line no-control-regex
  const text = foldSearchText(term.text).replace(/[\u0000-\u001F\u007F]/gu, ' ');
  const phrase = `"${text.replaceAll('"', '""')}"${term.prefix ? '*' : ''}`;
  return columns === null ? phrase : `{${columns.join(' ')}} : ${phrase}`;
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
