/**
 * The search query (src/shared/search/parseQuery.ts) for highlights whose words begin with what
 * was typed after `@`: each word quoted, so nothing typed reads as an operator (OR, -word,
 * outlet:, a stray quote), and the last one a prefix while it is still being typed. Null when
 * there is too little to search for (fewer than two letters): every passage would match.
 */
export function highlightSearchQuery(typed: string): string | null {
  const words = typed
    .split(/\s+/u)
    .map((word) => word.replace(/["*]/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.join('').replace(/[^\p{L}\p{N}]/gu, '').length < 2) return null;
  const typing = !/\s$/u.test(typed);
  const terms = words.map((word, index) => `"${word}"${typing && index === words.length - 1 ? '*' : ''}`);
  return `type:highlight ${terms.join(' ')}`;
}
