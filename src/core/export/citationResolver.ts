import type { SerializedCitation } from '../../shared/domain/note';
import { sourceDeepLink } from '../../shared/text/deepLink';
import type { SourceSummary } from '../../shared/domain/source';
import type { Db } from '../db/db';
import { findSourceSummary } from '../sources';
import { usableCitekey } from './citekeys';
import type { CitedSource } from './csl';

/**
 * What an exported citation says, looked up in the library at export time: the source's CURRENT
 * metadata and the highlight's current words while they exist (a corrected title or re-anchored
 * passage exports corrected), else what the citation remembered when it was made (its snapshot).
 */
export interface ResolvedCitation {
  /** Citations with the same key share one footnote: the same passage, or the same whole source. */
  shareKey: string;
  /** Its `citekey` is the wanted key; the export's final keys come from assignCitekeys. */
  source: CitedSource;
  highlightId: number | null;
  /** The quoted words; null when the citation is of a whole source. */
  quote: string | null;
  /** The passage's translation while it is in the library (issue 14), else the one the citation's snapshot kept. */
  translation: string | null;
  /** `deleted` when the highlight is gone from the library (its quote is then the snapshot's). */
  passage: 'whole-source' | 'in-library' | 'deleted';
  /** Back to the passage, or to the source when the passage is gone; null when the source is gone too. */
  deepLink: string | null;
}

interface HighlightWords {
  exact: string;
  translation: string | null;
}

export type CitationResolver = (citation: SerializedCitation) => ResolvedCitation;

/** One resolver per export: sources and highlights are looked up once however often they are cited. */
export function createCitationResolver(db: Db): CitationResolver {
  // A library from before the highlights migration has no table: every passage then reads as deleted.
  const hasHighlights = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'highlights'").get() !== undefined;
  const highlightStatement = hasHighlights ? db.prepare('SELECT exact, translation FROM highlights WHERE id = ? AND source_id = ?') : null;
  const sources = new Map<number, SourceSummary | null>();
  const highlights = new Map<string, HighlightWords | null>();

  const sourceRow = (id: number): SourceSummary | null => {
    if (!sources.has(id)) sources.set(id, findSourceSummary(db, id));
    return sources.get(id)!;
  };
  const highlightQuote = (id: number, sourceId: number): HighlightWords | null => {
    const key = `${id}:${sourceId}`;
    if (!highlights.has(key)) highlights.set(key, (highlightStatement?.get(id, sourceId) as HighlightWords | undefined) ?? null);
    return highlights.get(key)!;
  };

  return (citation) => {
    const { sourceId, highlightId, snapshot } = citation;
    const row = sourceRow(sourceId);
    const source: CitedSource = row
      ? {
          sourceId,
          inLibrary: true,
          title: row.title,
          outlet: row.outlet,
          author: row.author,
          publishedAt: row.publishedAt,
          url: row.url,
          language: row.language,
          titleDerived: row.titleDerived,
          citekey: usableCitekey(row.citekey, row),
        }
      : {
          sourceId,
          inLibrary: false,
          title: snapshot.title,
          outlet: snapshot.outlet,
          author: snapshot.author,
          publishedAt: snapshot.publishedAt,
          url: null,
          language: null,
          // A snapshot does not record it: a deleted source's title is cited as it was shown.
          titleDerived: false,
          citekey: usableCitekey(snapshot.citekey, snapshot),
        };
    if (highlightId === null) {
      return { shareKey: `source:${sourceId}`, source, highlightId, quote: null, translation: null, passage: 'whole-source', deepLink: row ? sourceDeepLink(sourceId) : null };
    }
    const current = row ? highlightQuote(highlightId, sourceId) : null;
    return {
      shareKey: `highlight:${highlightId}`,
      source,
      highlightId,
      quote: current?.exact ?? snapshot.quote,
      translation: current === null ? (snapshot.translation?.text ?? null) : current.translation,
      passage: current === null ? 'deleted' : 'in-library',
      deepLink: row ? sourceDeepLink(sourceId, current === null ? null : highlightId) : null,
    };
  };
}
