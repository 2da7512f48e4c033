import { useState } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useQuery } from '../../hooks/useQuery';
import { MAX_SOURCE_PAGE } from '../../../../shared/domain/sourceList';
import { SOURCES_READ } from './compareDependencies';

interface CompareWithButtonProps {
  sourceId: number;
  onCompareWith: (sourceId: number) => void;
}

function CompareWithDialog({ sourceId, onCompareWith, onClose }: CompareWithButtonProps & { onClose: () => void }) {
  // The newest sources (a chooser of every source would not do at 100,000: search finds the rest).
  const sources = useQuery('compareWith:sources', () => api.listSources({ sort: 'date', limit: MAX_SOURCE_PAGE }), { dependencies: SOURCES_READ });
  const [chosen, setChosen] = useState('');
  const others = (sources.data?.sources ?? []).filter((source) => source.id !== sourceId);
  return (
    <Dialog title="Compare with…" onDismiss={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen === '') return;
          onCompareWith(Number(chosen));
          onClose();
        }}
      >
        <label className="field">
          <span>Source to open beside this one</span>
          <select className="select" value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
            <option value="">Choose a source…</option>
            {others.map((source) => (
              <option key={source.id} value={source.id}>
                {[source.title, source.outlet, source.publishedAt].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={chosen === ''}>
            Open side by side
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** "Compare with…": opens another source beside this one in the reader. */
export function CompareWithButton(props: CompareWithButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Compare with…
      </button>
      {open ? <CompareWithDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
