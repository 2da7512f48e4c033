import { useId } from 'react';
import type { ExportOptions } from '../../../../shared/api/export';
import { DEFAULT_EXPORT_OPTIONS } from '../../../../shared/api/export';
import { parseBoolean, usePersistentState } from '../../hooks/usePersistentState';
import { QuoteModeField, useQuoteMode } from './QuoteModeField';

const parseHeading = (stored: string): string | undefined => (stored.length <= 200 ? stored : undefined);

/** The citation options of an export (issue 15), remembered across launches like the style. */
export function useExportOptions(): [ExportOptions, (next: Partial<ExportOptions>) => void] {
  const [deepLinks, setDeepLinks] = usePersistentState('exportDeepLinks', DEFAULT_EXPORT_OPTIONS.deepLinks, parseBoolean);
  const [deletedNotes, setDeletedNotes] = usePersistentState('exportDeletedNotes', DEFAULT_EXPORT_OPTIONS.deletedNotes, parseBoolean);
  const [bibliographyHeading, setHeading] = usePersistentState('exportBibliographyHeading', DEFAULT_EXPORT_OPTIONS.bibliographyHeading, parseHeading);
  const [quotes, setQuotes] = useQuoteMode();
  const update = (next: Partial<ExportOptions>) => {
    if (next.deepLinks !== undefined) setDeepLinks(next.deepLinks);
    if (next.deletedNotes !== undefined) setDeletedNotes(next.deletedNotes);
    if (next.bibliographyHeading !== undefined) setHeading(next.bibliographyHeading);
    if (next.quotes !== undefined) setQuotes(next.quotes);
  };
  return [{ deepLinks, deletedNotes, bibliographyHeading, quotes }, update];
}

export interface ExportOptionsMenuProps {
  options: ExportOptions;
  onChange: (next: Partial<ExportOptions>) => void;
  disabled?: boolean;
}

/** "Options" beside the export button: a disclosure, so the narrow note header keeps one line. */
export function ExportOptionsMenu({ options, onChange, disabled }: ExportOptionsMenuProps) {
  const headingId = useId();
  return (
    <details className="export-options">
      <summary className="button button-small">Options</summary>
      <fieldset className="export-options-panel" disabled={disabled}>
        <legend className="visually-hidden">Export options</legend>
        <label>
          <input type="checkbox" checked={options.deepLinks} onChange={(event) => onChange({ deepLinks: event.target.checked })} /> Links back to Marginalia
        </label>
        <label>
          <input type="checkbox" checked={options.deletedNotes} onChange={(event) => onChange({ deletedNotes: event.target.checked })} /> Say when a cited source or
          passage was deleted
        </label>
        <label htmlFor={headingId}>Bibliography heading (empty for none)</label>
        <input
          id={headingId}
          className="input"
          type="text"
          maxLength={200}
          value={options.bibliographyHeading}
          onChange={(event) => onChange({ bibliographyHeading: event.target.value })}
        />
        <QuoteModeField value={options.quotes} onChange={(quotes) => onChange({ quotes })} />
      </fieldset>
    </details>
  );
}
