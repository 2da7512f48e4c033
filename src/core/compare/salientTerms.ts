import { foldSearchText } from '../../shared/search/fold';

/**
 * The words of an article as the search index holds them (unicode61 with remove_diacritics 2, on
 * text folded by SEARCH_FOLDS_V1), each marked when it is written with a capital inside a sentence:
 * a name (Pashinyan, Guterres, Lachin), as opposed to a capital that only starts a sentence.
 */
export interface DocumentTerms {
  /** Every distinct indexed term. */
  terms: Set<string>;
  /** Terms written with a capital at least once where no sentence starts. */
  names: Set<string>;
}

// unicode61's token characters: letters, numbers and private-use characters; the rest separates.
const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}՛՜՞]+/gu;
const SENTENCE_START = /(?:^|[.!?…:]["'”’»)\]]*)\s*["'“‘«([]*$/u;

/** A token as the index spells it: folded, without diacritics, lower case. */
export function indexTerm(token: string): string {
  return foldSearchText(token).normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase().normalize('NFC');
}

export function documentTerms(text: string): DocumentTerms {
  const terms = new Set<string>();
  const names = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (token.length < 3 || /^\p{N}+$/u.test(token)) continue;
    const term = indexTerm(token);
    terms.add(term);
    if (/^\p{Lu}/u.test(token) && !SENTENCE_START.test(text.slice(Math.max(0, match.index - 6), match.index))) names.add(term);
  }
  return { terms, names };
}
