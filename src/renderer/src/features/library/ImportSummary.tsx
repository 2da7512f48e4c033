import type { ImportResult } from '../../../../shared/domain/source';
import { isCancelledImport, SUPPORTED_IMPORT_EXTENSIONS } from '../../../../shared/domain/source';
import { ImportProgress } from './ImportProgress';
import type { SkippedFiles } from './importSelection';
import { describeSkipped, skippedCount } from './importSelection';
import type { ImportState } from './useImport';
import './importSummary.css';

interface ImportSummaryProps {
  state: ImportState;
  onDismiss: () => void;
}

/** Duplicates are listed by name up to this many; a re-imported folder of hundreds is summed up. */
const LISTED_DUPLICATES = 10;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function countsLine(results: readonly ImportResult[], skipped: SkippedFiles): string {
  const count = (status: ImportResult['status']) => results.filter((result) => result.status === status).length;
  const notImported = results.filter(isCancelledImport).length;
  const skippedFiles = skippedCount(skipped);
  return [
    `${count('imported')} imported`,
    plural(count('duplicate'), 'duplicate', 'duplicates'),
    `${count('failed') - notImported} failed`,
    notImported > 0 ? `${notImported} not imported` : null,
    skippedFiles > 0 ? `${skippedFiles} skipped` : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/**
 * The last import: while it runs, what it is doing (announced once, from a live region that is
 * always in the page so screen readers hear what appears in it) beside the progress bar; then the
 * counts and every failure's reason.
 */
export function ImportSummary({ state, onDismiss }: ImportSummaryProps) {
  return (
    <div className={`import-summary${state.phase === 'idle' ? ' is-empty' : ''}${state.phase === 'running' ? ' is-running' : ''}`}>
      <div role="status" aria-label="Import summary" className="import-status">
        {state.phase === 'running' ? <p className="import-label">{state.cancelling ? 'Cancelling: stopping after the current file' : state.label}…</p> : null}
        {state.phase === 'done' ? <ImportOutcome state={state} onDismiss={onDismiss} /> : null}
      </div>
      {state.phase === 'running' ? <ImportProgress state={state} /> : null}
    </div>
  );
}

function ImportOutcome({ state, onDismiss }: { state: Extract<ImportState, { phase: 'done' }>; onDismiss: () => void }) {
  const { results, skipped, title } = state;
  const notImported = results.filter(isCancelledImport);
  const failures = results.filter((result) => result.status === 'failed' && !isCancelledImport(result));
  const duplicates = results.filter((result) => result.status === 'duplicate');
  const skippedLine = describeSkipped(skipped);
  const tone = failures.length === 0 && notImported.length === 0 ? 'is-success' : failures.length === results.length ? 'is-failure' : 'is-partial';
  return (
    <div className={`import-outcome ${tone}`}>
      <div className="import-outcome-head">
        <p className="import-outcome-title">
          <strong>{title}:</strong> {countsLine(results, skipped)}
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
      {notImported.length > 0 ? (
        <details className="import-not-imported">
          <summary>
            {plural(notImported.length, 'file was', 'files were')} not imported because the import was cancelled. Import them again to bring them in (what is already in the
            library is then reported as a duplicate).
          </summary>
          <ul aria-label="Files not imported">
            {notImported.map((result, index) => (
              <li key={`${result.file}-${index}`}>{result.file}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {skippedLine ? (
        <p className="import-skipped">
          {skippedLine}
          {Object.keys(skipped.unsupported).length > 0 ? ` From a folder, only ${SUPPORTED_IMPORT_EXTENSIONS.join(' ')} files are imported.` : ''}
        </p>
      ) : null}
      {duplicates.length > 0 ? (
        <p className="import-duplicates">
          Already in the library, not stored again: {duplicates.slice(0, LISTED_DUPLICATES).map((result) => result.file).join(', ')}
          {duplicates.length > LISTED_DUPLICATES ? ` and ${duplicates.length - LISTED_DUPLICATES} more` : ''}
        </p>
      ) : null}
    </div>
  );
}
