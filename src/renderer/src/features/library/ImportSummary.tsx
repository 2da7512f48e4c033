import type { ImportResult } from '../../../../shared/domain/source';
import type { ImportState } from './useImport';

interface ImportSummaryProps {
  state: ImportState;
  onDismiss: () => void;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function countsLine(results: readonly ImportResult[]): string {
  const count = (status: ImportResult['status']) => results.filter((result) => result.status === status).length;
  return [`${count('imported')} imported`, plural(count('duplicate'), 'duplicate', 'duplicates'), `${count('failed')} failed`].join(' · ');
}

/**
 * The outcome of the last import, as a live region that is always in the page (so screen readers
 * announce what appears in it): progress while it runs, then the counts and every failure's reason.
 */
export function ImportSummary({ state, onDismiss }: ImportSummaryProps) {
  return (
    <div role="status" aria-label="Import summary" className={state.phase === 'idle' ? 'import-summary is-empty' : 'import-summary'}>
      {state.phase === 'running' ? <ImportProgress state={state} /> : null}
      {state.phase === 'done' ? <ImportOutcome results={state.results} label={state.label} onDismiss={onDismiss} /> : null}
    </div>
  );
}

function ImportProgress({ state }: { state: Extract<ImportState, { phase: 'running' }> }) {
  return (
    <div className="import-progress">
      <p>
        {state.label}…{state.total > 1 ? ` ${state.done} of ${state.total}` : ''}
        {state.current && state.total > 1 ? <span className="import-current"> ({state.current})</span> : null}
      </p>
      {state.total > 1 ? <progress max={state.total} value={state.done} aria-label="Import progress" /> : <progress aria-label="Import progress" />}
    </div>
  );
}

function ImportOutcome({ results, label, onDismiss }: { results: readonly ImportResult[]; label: string; onDismiss: () => void }) {
  const failures = results.filter((result) => result.status === 'failed');
  const duplicates = results.filter((result) => result.status === 'duplicate');
  const tone = failures.length === 0 ? 'is-success' : failures.length === results.length ? 'is-failure' : 'is-partial';
  return (
    <div className={`import-outcome ${tone}`}>
      <div className="import-outcome-head">
        <p className="import-outcome-title">
          <strong>{label.startsWith('Loading') ? 'Sample library' : 'Import finished'}:</strong> {countsLine(results)}
        </p>
        <button type="button" className="button button-small button-quiet" onClick={onDismiss} aria-label="Dismiss import summary">
          Dismiss
        </button>
      </div>
      {failures.length > 0 ? (
        <ul className="import-failures" aria-label="Files that failed">
          {failures.map((result, index) => (
            <li key={`${result.file}-${index}`}>{result.error ?? `${result.file} could not be imported.`}</li>
          ))}
        </ul>
      ) : null}
      {duplicates.length > 0 ? (
        <p className="import-duplicates">
          Already in the library, not stored again: {duplicates.map((result) => result.file).join(', ')}
        </p>
      ) : null}
    </div>
  );
}
