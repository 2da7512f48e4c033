import { useRef } from 'react';
import { api } from '../../api/client';
import { useNearView } from '../../hooks/useNearView';
import { useQuery } from '../../hooks/useQuery';
import { SOURCES_READ } from './compareDependencies';

interface RelatedCoverageProps {
  sourceId: number;
  onCompareWith?: (sourceId: number) => void;
}

/**
 * Sources most likely about the same event (src/core/compare/related.ts says how), best first.
 * Asked for only when the region comes near the reader's view (or focus goes into it): the
 * library takes a few hundred ms for it at 100,000 articles, and the article's first screen
 * must not wait behind that (issue 13). Give it a `key` per source, so another source starts over.
 */
export function RelatedCoverage({ sourceId, onCompareWith }: RelatedCoverageProps) {
  const region = useRef<HTMLElement>(null);
  const near = useNearView(region);
  const related = useQuery(`related:${sourceId}`, () => api.relatedCoverage({ sourceId }), { dependencies: SOURCES_READ, enabled: near });
  const list = related.data ?? [];
  return (
    // A Tab stop until it is asked for: a keyboard user who reaches it before scrolling near it gets it too.
    <section ref={region} className="related-coverage" aria-label="Related coverage" tabIndex={near ? -1 : 0}>
      <h2>Related coverage</h2>
      {(related.loading || !near) && !related.data ? <p className="loading">Looking for other reports of the same event…</p> : null}
      {related.data && list.length === 0 ? <p className="missing">No other source in the library looks like a report of the same event (published within 3 days, sharing its names and rare words).</p> : null}
      {list.length > 0 ? (
        <ul>
          {list.map((item) => (
            <li key={item.sourceId}>
              {/* Title, facts and shared names a line each (compare.css); read aloud, one line with separators. */}
              <span className="related-title"><bdi>{item.title}</bdi></span>
              <span className="related-facts">
                <span className="visually-hidden"> · </span>
                {item.outlet ?? 'no outlet'} · {item.publishedAt ?? 'undated'} · score {item.score.toFixed(2)}
              </span>
              {item.shared.length > 0 ? (
                <span className="related-shared">
                  <span className="visually-hidden"> · </span>shares {item.shared.slice(0, 5).join(', ')}
                </span>
              ) : null}{' '}
              {onCompareWith ? (
                <button type="button" className="button button-small" onClick={() => onCompareWith(item.sourceId)} aria-label={`Open side by side: ${item.title}`}>
                  Side by side
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
