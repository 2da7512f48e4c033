import { useState } from 'react';
import type { Outlet } from '../../../../shared/domain/compare';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { Dialog } from '../../components/Dialog';
import { useQuery } from '../../hooks/useQuery';
import { OUTLETS_READ } from '../compare/compareDependencies';
import { mutate } from '../../api/mutate';

/** One outlet's row: country and note saved on change; rename or merge into another outlet. */
function OutletRow({ outlet, others, onError }: { outlet: Outlet; others: string[]; onError: (message: string | null) => void }) {
  const [country, setCountry] = useState(outlet.country ?? '');
  const [note, setNote] = useState(outlet.note);
  const [rename, setRename] = useState('');
  const [into, setInto] = useState('');
  const run = (action: Promise<unknown>, what: string) => action.then(() => onError(null), (error: unknown) => onError(errorMessage(error, what)));
  const save = () => {
    const code = country.trim().toUpperCase();
    if (code === (outlet.country ?? '') && note === outlet.note) return;
    void run(mutate('setOutlet', { name: outlet.name, country: code === '' ? null : code, note }), `save ${outlet.name}`);
  };
  return (
    <tr>
      <th scope="row">{outlet.name}</th>
      <td>{outlet.sourceCount}</td>
      <td>
        <input className="input input-short" aria-label={`Country of ${outlet.name}`} value={country} maxLength={2} placeholder="AM" onChange={(event) => setCountry(event.currentTarget.value)} onBlur={save} />
      </td>
      <td>
        <input className="input" aria-label={`Note on ${outlet.name}`} value={note} onChange={(event) => setNote(event.currentTarget.value)} onBlur={save} />
      </td>
      <td>
        <form
          className="outlet-action"
          onSubmit={(event) => {
            event.preventDefault();
            if (rename.trim() !== '') void run(mutate('mergeOutlets', { from: outlet.name, into: rename.trim() }), `rename ${outlet.name}`);
          }}
        >
          <input className="input" aria-label={`New name for ${outlet.name}`} value={rename} onChange={(event) => setRename(event.currentTarget.value)} />
          <button type="submit" className="button button-small" disabled={rename.trim() === ''} aria-label={`Rename ${outlet.name}`}>
            Rename
          </button>
        </form>
      </td>
      <td>
        <form
          className="outlet-action"
          onSubmit={(event) => {
            event.preventDefault();
            if (into !== '') void run(mutate('mergeOutlets', { from: outlet.name, into }), `merge ${outlet.name}`);
          }}
        >
          <select className="select" aria-label={`Merge ${outlet.name} into`} value={into} onChange={(event) => setInto(event.currentTarget.value)}>
            <option value="">Merge into…</option>
            {others.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-small" disabled={into === ''} aria-label={`Merge ${outlet.name}`}>
            Merge
          </button>
        </form>
      </td>
    </tr>
  );
}

/** Every outlet with its number of articles, country (ISO 3166 alpha-2) and note (issue 11). */
export function OutletsDialog({ onClose }: { onClose: () => void }) {
  const outlets = useQuery('outletDetails', () => api.listOutletDetails({}), { dependencies: OUTLETS_READ });
  const [problem, setProblem] = useState<string | null>(null);
  const list = outlets.data ?? [];
  return (
    <Dialog title="Outlets" onDismiss={onClose} className="outlets-dialog" description={<p>Renaming or merging an outlet changes every source from it. Countries are two-letter codes: AM, AZ, RU, PK…</p>}>
      {problem ? (
        <div role="alert" className="form-error">
          {problem}
        </div>
      ) : null}
      {list.length === 0 ? (
        <p>No source names an outlet yet. Edit a source's details in the reader to set one.</p>
      ) : (
        <table className="outlets-table" aria-label="Outlets">
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Articles</th>
              <th scope="col">Country</th>
              <th scope="col">Note</th>
              <th scope="col">Rename</th>
              <th scope="col">Merge</th>
            </tr>
          </thead>
          <tbody>
            {list.map((outlet) => (
              <OutletRow key={`${outlet.name}:${outlet.country}:${outlet.note}:${outlet.sourceCount}`} outlet={outlet} others={list.map((o) => o.name).filter((name) => name !== outlet.name)} onError={setProblem} />
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
