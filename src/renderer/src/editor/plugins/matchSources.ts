import type { SourceSummary } from '../../../../shared/domain/source';
import { foldSearchText } from '../../../../shared/search/fold';

/** Case, accents and the letters search folds (ə, ё…) ignored, as the library's search does. */
function fold(text: string): string {
  return foldSearchText(text).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The sources an `@` query names: every word of the query begins a word of the title, outlet,
 * author or citekey ("un" finds "UN mission", not "continue"). Sources whose title starts with the query come first; otherwise the library's order.
 */
export function matchSources(sources: readonly SourceSummary[], query: string, limit = 8): SourceSummary[] {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const scored: { source: SourceSummary; rank: number; index: number }[] = [];
  sources.forEach((source, index) => {
    const title = fold(source.title);
    const haystack = [title, fold(source.outlet ?? ''), fold(source.author ?? ''), fold(source.citekey)].join(' ').split(/[^\p{L}\p{N}]+/u);
    if (words.every((word) => haystack.some((candidate) => candidate.startsWith(word)))) scored.push({ source, rank: words.length > 0 && title.startsWith(words.join(' ')) ? 0 : 1, index });
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.source);
}
