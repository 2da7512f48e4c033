/**
 * The search box's query language, parsed into a structure (src/core/search turns it into an
 * FTS5 MATCH string). Pure: the renderer may use it to echo how a query was understood.
 *
 *   lachin corridor        every word must match (in any searchable field), in any script and form
 *                          (Лачин, Laçın; corridors: src/core/search/buildMatch.ts, searchKey.ts)
 *   "lachin corridor"      the words next to each other, in this order, spelled as written
 *   blockad*               a word starting with "blockad" (2 letters at least)
 *   -azerbaijan            leave out results with this word (also -"a phrase", -outlet:x)
 *   peskov OR putin        either word; OR binds its neighbours only: `a b OR c` is a AND (b OR c)
 *   outlet: author: tag:   the word or "phrase" must be in that field (outlet:azernews)
 *   type:source|highlight|note   only these kinds of result (repeat for several; -type:note)
 *   after:2023-01-01 before:2023-02-01   published strictly after / before the date
 *
 * A malformed query never fails: it falls back to its plain words and `warning` says why.
 */

import { foldSearchText } from './fold';

export const SEARCH_TYPES = ['source', 'highlight', 'note'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export type SearchField = 'outlet' | 'author' | 'tag';

export interface SearchTerm {
  /** The words as typed, without quotes, operators or field name. */
  text: string;
  /**
   * Quoted: the words must be adjacent and in order (an unquoted `Nagorno-Karabakh` is too), and
   * spelled as written: no other scripts or word forms.
   */
  phrase: boolean;
  /** Ended in `*`: the last word matches as a prefix. */
  prefix: boolean;
  /** Restricted to one field, or null for every searchable field. */
  field: SearchField | null;
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any one of its terms does. */
  groups: SearchTerm[][];
  /** A result matching any of these is left out. */
  excluded: SearchTerm[];
  /** Kinds of result to return (all three when the query does not say). */
  types: SearchType[];
  /** Published strictly after / before this YYYY-MM-DD date. */
  after: string | null;
  before: string | null;
  /**
   * Set when the query was not searched exactly as written: malformed (searched as plain words),
   * or a one-letter prefix (searched as a whole word: no index serves it, and it matches everything).
   */
  warning: string | null;
}

/** Prefix queries need this many letters in their last word (the index serves 2 and up). */
export const MIN_PREFIX_LETTERS = 2;

const TEXT_FIELDS: readonly string[] = ['outlet', 'author', 'tag'];
const FILTER = /^(outlet|author|tag|type|after|before):/i;
const TYPE_NAMES: Record<string, SearchType> = {
  source: 'source', sources: 'source', highlight: 'highlight', highlights: 'highlight', note: 'note', notes: 'note',
};

/** One piece of the query as written. */
interface Token {
  negated: boolean;
  field: string | null;
  value: string;
  quoted: boolean;
  prefix: boolean;
}

class Malformed extends Error {}

/** Splits the query into tokens; throws Malformed for an unclosed quote or an empty filter. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/u.test(input[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (input[i] === '-' && i + 1 < input.length && !/\s/u.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    let field: string | null = null;
    const filter = FILTER.exec(input.slice(i));
    if (filter) {
      field = filter[1]!.toLowerCase();
      i += filter[0].length;
    }
    let value: string;
    let quoted = false;
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close < 0) throw new Malformed(`The quote opened at ${input.slice(start, start + 20)} is never closed.`);
      value = input.slice(i + 1, close);
      quoted = true;
      i = close + 1;
    } else {
      const end = input.slice(i).search(/[\s"]/u);
      value = end < 0 ? input.slice(i) : input.slice(i, i + end);
      i += value.length;
    }
    let prefix = false;
    if (quoted) {
      while (input[i] === '*') {
        prefix = true;
        i++;
      }
    } else if (/\*+$/u.test(value)) {
      prefix = true;
      value = value.replace(/\*+$/u, '');
    }
    if (field !== null && value.trim() === '') throw new Malformed(`${field}: needs a value, as in ${field}:${field === 'type' ? 'source' : field === 'after' || field === 'before' ? '2023-01-31' : 'name'}.`);
    tokens.push({ negated, field, value, quoted, prefix });
  }
  return tokens;
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const isOr = (token: Token) => token.value === 'OR' && !token.quoted && !token.negated && token.field === null && !token.prefix;
const isTextTerm = (token: Token) => token.field === null || TEXT_FIELDS.includes(token.field);

function toTerm(token: Token): SearchTerm {
  return { text: token.value, phrase: token.quoted, prefix: token.prefix, field: token.field as SearchField | null };
}

/** Reads the query as written; throws Malformed for anything it cannot mean. */
function parseStrict(input: string): ParsedQuery {
  const tokens = tokenize(input);
  const groups: SearchTerm[][] = [];
  const excluded: SearchTerm[] = [];
  const included = new Set<SearchType>();
  const left = new Set<SearchType>();
  let after: string | null = null;
  let before: string | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (isOr(token)) {
      const previous = tokens[k - 1];
      const next = tokens[k + 1];
      const joinable = (t: Token | undefined) => t !== undefined && !t.negated && !isOr(t) && isTextTerm(t);
      if (!joinable(previous) || !joinable(next) || groups.length === 0) {
        throw new Malformed('OR needs a word on each side that is not excluded, as in peskov OR putin.');
      }
      groups[groups.length - 1]!.push(toTerm(next!));
      k++;
      continue;
    }
    if (isTextTerm(token)) {
      if (token.negated) excluded.push(toTerm(token));
      else groups.push([toTerm(token)]);
      continue;
    }
    if (token.field === 'type') {
      const type = TYPE_NAMES[token.value.toLowerCase()];
      if (!type || token.quoted || token.prefix) throw new Malformed(`type:${token.value} is not a kind of result; use type:source, type:highlight or type:note.`);
      (token.negated ? left : included).add(type);
      continue;
    }
    // after: or before:
    if (token.negated || token.quoted || token.prefix || !isRealDate(token.value)) {
      throw new Malformed(`${token.field}:${token.value} is not a date filter; write ${token.field}:YYYY-MM-DD, as in ${token.field}:2023-01-31.`);
    }
    // Several bounds: the narrowest wins (ISO dates compare as strings).
    if (token.field === 'after') after = [after ?? '', token.value].sort()[1]!;
    else before = [before ?? '9999-99-99', token.value].sort()[0]!;
  }
  if (groups.length === 0 && excluded.length > 0) {
    throw new Malformed('Excluding words needs at least one word to search for.');
  }
  const base = included.size > 0 ? [...included] : [...SEARCH_TYPES];
  const types = SEARCH_TYPES.filter((type) => base.includes(type) && !left.has(type));
  return { groups, excluded, types, after, before, warning: dropShortPrefixes([...groups.flat(), ...excluded]) };
}

/** Turns one-letter prefixes into whole words (in place); says which, or returns null. */
function dropShortPrefixes(terms: SearchTerm[]): string | null {
  const short = terms.filter((term) => {
    // FTS5 applies the prefix to the last token; a term with none is dropped later, silently.
    const lastWord = foldSearchText(term.text).match(/[\p{L}\p{N}\p{Co}]+/gu)?.at(-1);
    return term.prefix && lastWord !== undefined && [...lastWord].length < MIN_PREFIX_LETTERS;
  });
  for (const term of short) term.prefix = false;
  if (short.length === 0) return null;
  const names = short.map((term) => `${term.phrase ? `"${term.text}"` : term.text}*`).join(', ');
  return `A prefix needs at least ${MIN_PREFIX_LETTERS} letters: ${names} searched as ${short.length === 1 ? 'a whole word' : 'whole words'}.`;
}

/** The fallback: every piece of the query as a plain word, operators and quotes ignored. */
function parsePlainWords(input: string, problem: string): ParsedQuery {
  const words = input
    .split(/\s+/u)
    .map((word) => word.replace(/["*]/gu, '').replace(/^-+/u, ''))
    .filter((word) => word !== '' && word !== 'OR');
  const warning = words.length > 0 ? `${problem} Searched for the plain words: ${words.join(' ')}.` : `${problem} There is nothing else to search for.`;
  return {
    groups: words.map((text) => [{ text, phrase: false, prefix: false, field: null }]),
    excluded: [],
    types: [...SEARCH_TYPES],
    after: null,
    before: null,
    warning,
  };
}

export function parseQuery(input: string): ParsedQuery {
  try {
    return parseStrict(input);
  } catch (error) {
    if (error instanceof Malformed) return parsePlainWords(input, error.message);
    throw error;
  }
}
