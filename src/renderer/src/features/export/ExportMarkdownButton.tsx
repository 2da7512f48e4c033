import { useCallback, useId } from 'react';
import type { ExportStyle, NoteExport } from '../../../../shared/api/export';
import { EXPORT_STYLES } from '../../../../shared/api/export';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePersistentState } from '../../hooks/usePersistentState';
import type { DownloadableFile } from './downloadFile';
import { ExportOptionsMenu, useExportOptions } from './ExportOptionsMenu';
import { MARKDOWN_TYPE } from './downloadFile';
import { useExport } from './useExport';
import './export.css';

/** Short, for a narrow header; the pandoc style's two bibliography files are named when saved. */
const STYLE_LABELS: Record<ExportStyle, string> = {
  footnotes: 'Footnotes',
  pandoc: 'Pandoc',
};

/** The files one export saves: the Markdown, and for the pandoc style the two bibliographies its front matter names. */
export function noteExportFiles(exported: NoteExport): DownloadableFile[] {
  const files: DownloadableFile[] = [{ fileName: exported.fileName, content: exported.markdown, type: MARKDOWN_TYPE }];
  if (exported.bibliography) {
    files.push(
      { fileName: exported.bibliography.jsonFileName, content: exported.bibliography.json, type: 'application/vnd.citationstyles.csl+json' },
      { fileName: exported.bibliography.bibFileName, content: exported.bibliography.bib, type: 'application/x-bibtex' },
    );
  }
  return files;
}

const parseStyle = (stored: string): ExportStyle | undefined => (EXPORT_STYLES as readonly string[]).includes(stored) ? (stored as ExportStyle) : undefined;

export interface ExportMarkdownButtonProps {
  noteId: number;
  /**
   * Export reads the SAVED note: an editable note passes its autosave flush here, so the words
   * typed a moment ago are in the file.
   */
  beforeExport?: () => Promise<unknown> | void;
}

/**
 * "Export Markdown" for one note, with a choice of style and the citation options (remembered). Self-contained: place it in
 * the note's header with the note's id. The file is the library's export, byte for byte the same
 * as `marginalia export NOTE_ID`.
 */
export function ExportMarkdownButton({ noteId, beforeExport }: ExportMarkdownButtonProps) {
  const styleId = useId();
  const [style, setStyle] = usePersistentState<ExportStyle>('exportStyle', 'footnotes', parseStyle);
  const [options, setOptions] = useExportOptions();
  const produce = useCallback(async () => {
    await beforeExport?.();
    return noteExportFiles(await api.exportNote({ noteId, style, ...options }));
  }, [noteId, style, options, beforeExport]);
  const { busy, done, error, run, dismissError } = useExport(produce, 'export the note');
  return (
    <div className="export-markdown" role="group" aria-label="Export">
      {/* Named for screen readers; seen, the options say what they are, and a note's header is narrow. */}
      <label htmlFor={styleId} className="visually-hidden">
        Style
      </label>
      <select id={styleId} className="select export-style" value={style} onChange={(event) => setStyle(event.target.value as ExportStyle)} disabled={busy}>
        {EXPORT_STYLES.map((value) => (
          <option key={value} value={value}>
            {STYLE_LABELS[value]}
          </option>
        ))}
      </select>
      <ExportOptionsMenu options={options} onChange={setOptions} disabled={busy} />
      <button type="button" className="button button-small" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        Export Markdown
      </button>
      <span className="export-status" role="status">
        {done}
      </span>
      {error ? <ErrorBanner title="The note was not exported." message={error} onDismiss={dismissError} /> : null}
    </div>
  );
}
