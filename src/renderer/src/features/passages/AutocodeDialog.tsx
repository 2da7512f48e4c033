import { useState } from 'react';
import type { AutocodeResult, AutocodeUnit } from '../../../../shared/domain/compare';
import { errorMessage } from '../../api/errorMessage';
import { Dialog } from '../../components/Dialog';
import { mutate } from '../../api/mutate';

interface AutocodeDialogProps {
  onClose: () => void;
  /** After coding: show the new passages for review. */
  onCoded: (code: string) => void;
}

/** Coding by search: every sentence (or paragraph) matching a query gets a code, as one batch that Undo removes. */
export function AutocodeDialog({ onClose, onCoded }: AutocodeDialogProps) {
  const [query, setQuery] = useState('');
  const [code, setCode] = useState('');
  const [unit, setUnit] = useState<AutocodeUnit>('sentence');
  const [result, setResult] = useState<AutocodeResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const coded = await mutate('autocode', { query, code, unit });
      setResult(coded);
      setProblem(null);
      onCoded(code);
    } catch (error) {
      setProblem(errorMessage(error, 'code by search'));
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    if (!result) return;
    setBusy(true);
    try {
      await mutate('undoAutocode', { highlightIds: result.highlights.map((h) => h.highlightId) });
      setResult(null);
    } catch (error) {
      setProblem(errorMessage(error, 'undo the coding'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Code by search" onDismiss={onClose} description={<p>Every sentence (or paragraph) that matches the search becomes a highlight with the code. Undo removes the whole batch.</p>}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label className="field">
          <span>Search</span>
          <input className="input" value={query} onChange={(event) => setQuery(event.currentTarget.value)} placeholder='"fictitious pretext" OR "so-called"' required />
        </label>
        <label className="field">
          <span>Code</span>
          <input className="input" value={code} onChange={(event) => setCode(event.currentTarget.value)} placeholder="framing/blockade-denial" required />
        </label>
        <label className="field">
          <span>Unit</span>
          <select className="select" value={unit} onChange={(event) => setUnit(event.currentTarget.value === 'paragraph' ? 'paragraph' : 'sentence')}>
            <option value="sentence">Sentence</option>
            <option value="paragraph">Paragraph</option>
          </select>
        </label>
        {problem ? (
          <div role="alert" className="form-error">
            {problem}
          </div>
        ) : null}
        <div role="status">{result ? `Coded ${result.highlights.length} ${unit}s with ${code}${result.skipped > 0 ? ` (${result.skipped} already highlighted)` : ''}.` : ''}</div>
        <div className="dialog-actions">
          {result && result.highlights.length > 0 ? (
            <button type="button" className="button" disabled={busy} onClick={() => void undo()}>
              Undo coding
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button-primary" disabled={busy || query.trim() === '' || code.trim() === ''}>
            Code matches
          </button>
        </div>
      </form>
    </Dialog>
  );
}
