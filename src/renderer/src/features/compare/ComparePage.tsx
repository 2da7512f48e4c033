import { useState } from 'react';
import type { MatrixBy, PassageFilter } from '../../../../shared/domain/compare';
import { matrixCsv } from '../../../../shared/compare/passageExport';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useQuery } from '../../hooks/useQuery';
import { downloadFile } from '../export/downloadFile';
import { OutletsButton } from '../outlets/OutletsButton';
import { CodebookDialog } from './CodebookDialog';
import { CodeColumnTable, CoOccurrenceTable } from './MatrixTable';
import './compare.css';
import { MATRIX_READS } from './compareDependencies';
import { useRememberedState } from './useRememberedState';

interface ComparePageProps {
  onShowPassages: (filter: PassageFilter) => void;
}

type Mode = 'columns' | 'codes';

/** The code matrix (issue 11): codes × outlets, countries or collections, or codes × codes. */
export function ComparePage({ onShowPassages }: ComparePageProps) {
  const [by, setBy] = useRememberedState<MatrixBy>('compare:by', 'outlet');
  const [mode, setMode] = useRememberedState<Mode>('compare:mode', 'columns');
  const [codebook, setCodebook] = useState(false);
  const matrix = useQuery(`matrix:${by}`, () => api.codeMatrix({ by }), { dependencies: MATRIX_READS });
  const coOccurrence = useQuery(`cooccurrence:${mode}`, () => (mode === 'codes' ? api.coOccurrence({}) : Promise.resolve(null)), { dependencies: MATRIX_READS });
  const error = matrix.error ?? coOccurrence.error;

  return (
    <div className="page compare-page" aria-busy={matrix.loading}>
      <div className="library-toolbar">
        <div className="library-heading">
          <h1>Compare</h1>
        </div>
        <div className="library-controls">
          <label className="field-inline">
            <span>Show</span>
            <select className="select" value={mode} onChange={(event) => setMode(event.currentTarget.value as Mode)}>
              <option value="columns">Codes by column</option>
              <option value="codes">Co-occurrence (code × code)</option>
            </select>
          </label>
          <label className="field-inline">
            <span>Compare by</span>
            <select className="select" value={by} disabled={mode === 'codes'} onChange={(event) => setBy(event.currentTarget.value as MatrixBy)}>
              <option value="outlet">Outlet</option>
              <option value="country">Country</option>
              <option value="collection">Collection</option>
            </select>
          </label>
          <OutletsButton />
          <button type="button" className="button" onClick={() => setCodebook(true)}>
            Codebook
          </button>
          <button type="button" className="button" disabled={!matrix.data} onClick={() => matrix.data && downloadFile({ fileName: `code-matrix-by-${by}.csv`, content: matrixCsv(matrix.data), type: 'text/csv' })}>
            Export CSV
          </button>
        </div>
      </div>
      {codebook ? <CodebookDialog onClose={() => setCodebook(false)} /> : null}
      {error ? <ErrorBanner title="The matrix could not be loaded." message={errorMessage(error, 'load the code matrix')} onRetry={matrix.retry} /> : null}
      {matrix.data && matrix.data.rows.length === 0 ? <p className="library-no-match">No codes yet. Add tags to highlights in the reader: each tag is a code, and a tag written a/b is the code b under a.</p> : null}
      <div className="matrix-scroller">
        {mode === 'columns' && matrix.data && matrix.data.rows.length > 0 ? <CodeColumnTable matrix={matrix.data} onCell={(code, column) => onShowPassages({ code, [by]: column })} /> : null}
        {mode === 'codes' && coOccurrence.data ? <CoOccurrenceTable data={coOccurrence.data} onCell={(a, b) => onShowPassages(a === b ? { code: a } : { codes: [a, b] })} /> : null}
      </div>
    </div>
  );
}
