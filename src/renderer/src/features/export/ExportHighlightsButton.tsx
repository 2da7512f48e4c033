import { useCallback } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { MARKDOWN_TYPE } from './downloadFile';
import { QuoteModeField, useQuoteMode } from './QuoteModeField';
import { useExport } from './useExport';
import './export.css';

/**
 * "Export highlights" for one source: its passages as Markdown (quote, comment, tags, a link back
 * to each), the layout reading tools use. Place it beside the source's highlights.
 */
export function ExportHighlightsButton({ sourceId }: { sourceId: number }) {
  const [quotes, setQuotes] = useQuoteMode();
  const produce = useCallback(async () => {
    const exported = await api.exportSourceHighlights({ sourceId, quotes });
    return [{ fileName: exported.fileName, content: exported.markdown, type: MARKDOWN_TYPE }];
  }, [sourceId, quotes]);
  const { busy, done, error, run, dismissError } = useExport(produce, 'export the highlights');
  return (
    <div className="export-markdown">
      <button type="button" className="button button-small" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        Export highlights
      </button>
      <QuoteModeField value={quotes} onChange={setQuotes} disabled={busy} />
      <span className="export-status" role="status">
        {done}
      </span>
      {error ? <ErrorBanner title="The highlights were not exported." message={error} onDismiss={dismissError} /> : null}
    </div>
  );
}
