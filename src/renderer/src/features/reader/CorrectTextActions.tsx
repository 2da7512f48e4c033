import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import type { ReanchorReport } from '../../../../shared/domain/highlight';
import type { Source } from '../../../../shared/domain/source';
import { mutate } from '../../api/mutate';
import { errorMessage } from '../../api/errorMessage';
import { Dialog } from '../../components/Dialog';
import { encodeBase64 } from '../library/encodeBase64';
import { IMPORT_ACCEPT } from '../library/ImportButton';
import { reanchorSummary } from './reanchorSummary';
import './correctText.css';

interface CorrectTextDialogProps {
  source: Source;
  onClose: () => void;
  onCorrected: (report: ReanchorReport) => void;
}

/** The article's text in a textarea; Save replaces the body and re-anchors the highlights in one step. */
function CorrectTextDialog({ source, onClose, onCorrected }: CorrectTextDialogProps) {
  const [text, setText] = useState(source.body);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const textId = useId();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text === source.body) return onClose();
    if (text.trim() === '') {
      setError('The text is empty. A source keeps its text; delete the source instead.');
      alertRef.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const report = await mutate('correctSourceText', { sourceId: source.id, body: text });
      onCorrected(report);
    } catch (failure) {
      setError(errorMessage(failure, 'correct the text'));
      setSaving(false);
      alertRef.current?.focus();
    }
  }

  return (
    <Dialog
      title="Correct text"
      onDismiss={onClose}
      initialFocus={textRef}
      className="edit-dialog correct-text-dialog"
      description={<p>Highlights follow the words they were made on; one whose words are gone is kept and listed under “Orphaned highlights”.</p>}
    >
      <form className="edit-form" onSubmit={(event) => void save(event)} noValidate>
        {error ? (
          <div role="alert" className="form-error" ref={alertRef} tabIndex={-1}>
            <strong>The text was not corrected.</strong> {error}
          </div>
        ) : null}
        <div className="edit-field is-wide">
          <label htmlFor={textId}>Article text</label>
          <textarea
            ref={textRef}
            id={textId}
            className="input correct-text-input"
            rows={18}
            value={text}
            spellCheck
            onChange={(event) => setText(event.currentTarget.value)}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type Outcome = { kind: 'done'; message: string } | { kind: 'failed'; message: string } | null;

/**
 * "Correct text" (edit the body) and "Import corrected version" (a corrected file onto this source),
 * with a status saying what became of the highlights. Key it by source id: the status is one source's.
 */
export function CorrectTextActions({ source }: { source: Source }) {
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function importCorrected(file: File) {
    setImporting(true);
    setOutcome(null);
    try {
      const contentBase64 = encodeBase64(new Uint8Array(await file.arrayBuffer()));
      const report = await mutate('replaceSourceText', { sourceId: source.id, file: { name: file.name, contentBase64 } });
      setOutcome({ kind: 'done', message: `Corrected version imported from ${file.name}: ${reanchorSummary(report)}` });
    } catch (failure) {
      setOutcome({ kind: 'failed', message: `The corrected version was not imported. ${errorMessage(failure, 'import the corrected version')}` });
    } finally {
      setImporting(false);
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => setEditing(true)}>
        Correct text
      </button>
      <button
        type="button"
        className="button"
        onClick={() => fileInput.current?.click()}
        disabled={importing}
        title="Replace this article's text with a corrected file; highlights follow their words, metadata is kept"
      >
        Import corrected version
      </button>
      <input
        ref={fileInput}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importCorrected(file);
        }}
      />
      <p role="status" className="correct-text-status">
        {outcome?.kind === 'done' ? outcome.message : null}
      </p>
      {outcome?.kind === 'failed' ? (
        <p role="alert" className="form-error correct-text-error">
          {outcome.message}
        </p>
      ) : null}
      {editing ? (
        <CorrectTextDialog
          source={source}
          onClose={() => setEditing(false)}
          onCorrected={(report) => {
            setEditing(false);
            setOutcome({ kind: 'done', message: `Text corrected: ${reanchorSummary(report)}` });
          }}
        />
      ) : null}
    </>
  );
}
