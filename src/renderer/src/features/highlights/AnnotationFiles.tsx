import { useRef, useState } from 'react';
import type { RequestOf } from '../../../../shared/api/contract';
import type { SourceSummary } from '../../../../shared/domain/source';
import { api } from '../../api/client';
import { mutate } from '../../api/mutate';
import { errorMessage } from '../../api/errorMessage';
import type { HighlightActions } from './useHighlightActions';

interface AnnotationFilesProps {
  source: SourceSummary;
  actions: HighlightActions;
}

/** A file name from the citekey: letters, digits and - _ . only, so every system accepts it. */
const fileNameFor = (source: SourceSummary) => `${source.citekey.replace(/[^\w.-]+/g, '_') || `source-${source.id}`}.annotations.jsonld`;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Export and import one source's highlights as W3C Web Annotation JSON-LD, so they travel to
 * and from other annotation tools. Export downloads a file; import reads one the user picks.
 */
export function AnnotationFiles({ source, actions }: AnnotationFilesProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const exportFile = async () => {
    actions.fail(null);
    try {
      const collection = await api.exportHighlights({ sourceId: source.id });
      const url = URL.createObjectURL(new Blob([`${JSON.stringify(collection, null, 2)}\n`], { type: 'application/ld+json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameFor(source);
      link.click();
      // Revoked later: the download reads the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      actions.notify({ message: `Exported ${plural(collection.total ?? collection.first?.items.length ?? 0, 'highlight')} to ${link.download}.` });
    } catch (failure) {
      actions.fail(errorMessage(failure, `export the highlights of “${source.title}”`));
    }
  };

  const importFile = async (file: File) => {
    actions.fail(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      actions.fail(`${file.name} is not JSON. Choose a Web Annotation file (.jsonld or .json), such as one “Export annotations” wrote.`);
      return;
    }
    setBusy(true);
    try {
      // Unchecked here on purpose: the library validates it against the Web Annotation schemas and says what is wrong.
      const report = await mutate('importHighlights', { sourceId: source.id, document: parsed as RequestOf<'importHighlights'>['document'] });
      const parts = [`Imported ${plural(report.imported, 'highlight')} from ${file.name}`];
      if (report.orphaned > 0) parts.push(`${report.orphaned} not found in this text (see Orphaned highlights)`);
      if (report.duplicates > 0) parts.push(`${plural(report.duplicates, 'duplicate')} skipped`);
      actions.notify({ message: `${parts.join('; ')}.` });
    } catch (failure) {
      actions.fail(errorMessage(failure, `import ${file.name}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="annotation-files">
      <button type="button" className="button button-small" onClick={() => void exportFile()}>
        Export annotations
      </button>
      <button type="button" className="button button-small" disabled={busy} onClick={() => input.current?.click()}>
        Import annotations
      </button>
      <input
        ref={input}
        type="file"
        accept=".jsonld,.json,application/ld+json,application/json"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
    </div>
  );
}
