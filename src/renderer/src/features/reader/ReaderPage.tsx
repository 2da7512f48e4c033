import type { Ref } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { AddToCollection } from '../compare/AddToCollection';
import { CompareWithButton } from '../compare/CompareWithButton';
import { RelatedCoverage } from '../compare/RelatedCoverage';
import { CitedIn } from '../notes/CitedIn';
import { CiteSourceButton } from '../notes/CiteSourceButton';
import { HighlightsPanel } from '../highlights/HighlightsPanel';
import { CorrectTextActions } from './CorrectTextActions';
import { DeleteSourceButton } from './DeleteSourceButton';
import { EditDetailsDialog } from './EditDetailsDialog';
import { ReaderArticle } from './ReaderArticle';
import type { ReaderPanelHandle } from './ReaderLayout';
import { ReaderLayout } from './ReaderLayout';
import { SourceHeader } from './SourceHeader';
import { SourceProvenance } from './SourceProvenance';
import { useReadingPosition } from './useReadingPosition';
import { useSource } from './useSource';

interface ReaderPageProps {
  sourceId: number;
  onDeleted: () => void;
  /** Opens another source beside this one ("Compare with…", Related coverage). */
  onCompareWith?: (sourceId: number) => void;
  /** Set on the second reader of a side-by-side view: closes it. */
  onCloseSide?: () => void;
  /** The window's shortcut that shows or hides this reader's Highlights panel. */
  panelHandle?: Ref<ReaderPanelHandle>;
}

export function ReaderPage({ sourceId, onDeleted, onCompareWith, onCloseSide, panelHandle }: ReaderPageProps) {
  const { data: source, error, retry } = useSource(sourceId);
  const [editing, setEditing] = useState(false);
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const focusedFor = useRef<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  useReadingPosition(scroller, 'article', source ? source.id : null);

  // Opening a source moves focus to its title, so a screen reader starts reading there.
  useEffect(() => {
    if (source && focusedFor.current !== source.id) {
      focusedFor.current = source.id;
      titleRef.current?.focus({ preventScroll: true });
    }
  }, [source]);

  if (!source) {
    return (
      <div className="page reader-page reader-page-status">
        {error ? (
          <ErrorBanner title="This source could not be opened." message={errorMessage(error, 'open this source')} onRetry={retry} />
        ) : (
          <p className="loading" aria-busy="true">
            Opening the source…
          </p>
        )}
      </div>
    );
  }

  return (
    <ReaderLayout handle={panelHandle} panel={<HighlightsPanel source={source} />}>
      <div ref={scroller} className="reader-scroll">
        <div className="reader-column">
          {error ? <ErrorBanner title="This source could not be refreshed." message={errorMessage(error, 'refresh this source')} onRetry={retry} /> : null}
          <SourceHeader
            source={source}
            titleId={titleId}
            titleRef={titleRef}
            actions={
              <>
                {onCloseSide ? (
                  <button type="button" className="button" onClick={onCloseSide}>
                    Close side by side
                  </button>
                ) : null}
                <CiteSourceButton source={source} />
                {onCompareWith ? <CompareWithButton sourceId={source.id} onCompareWith={onCompareWith} /> : null}
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  Edit details
                </button>
                <CorrectTextActions key={source.id} source={source} />
                <DeleteSourceButton source={source} onDeleted={onDeleted} />
              </>
            }
          />
          <CitedIn sourceId={source.id} />
          <ReaderArticle source={source} labelledBy={titleId} />
          <SourceProvenance source={source} />
          <RelatedCoverage key={source.id} sourceId={source.id} onCompareWith={onCompareWith} />
          <AddToCollection sourceIds={[source.id]} />
        </div>
      </div>
      {editing ? <EditDetailsDialog source={source} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
    </ReaderLayout>
  );
}
