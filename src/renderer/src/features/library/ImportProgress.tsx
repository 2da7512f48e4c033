import type { ImportState } from './useImport';

type Running = Extract<ImportState, { phase: 'running' }>;

/**
 * The bar, the count, the file in hand and Cancel. Kept out of the summary's live region: a count
 * that changes every frame would be read out every frame; the bar's value is there for anyone who asks.
 */
export function ImportProgress({ state }: { state: Running }) {
  const known = state.total > 0;
  const count = `${state.done} of ${state.total}`;
  return (
    <div className="import-progress">
      <div
        role="progressbar"
        aria-label="Import progress"
        className={known ? 'import-progress-bar' : 'import-progress-bar is-indeterminate'}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? state.total : undefined}
        aria-valuenow={known ? state.done : undefined}
        aria-valuetext={known ? count : undefined}
      >
        <div className="import-progress-fill" style={known ? { width: `${(100 * state.done) / state.total}%` } : undefined} />
      </div>
      {known ? <span className="import-progress-count">{count}</span> : null}
      {state.current ? (
        <span className="import-current" title={state.current}>
          {state.current}
        </span>
      ) : null}
      {state.cancel ? (
        <button type="button" className="button button-small" onClick={state.cancel} disabled={state.cancelling}>
          Cancel import
        </button>
      ) : null}
    </div>
  );
}
