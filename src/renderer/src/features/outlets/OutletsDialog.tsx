import { useState } from 'react';
import type { Outlet } from '../../../../shared/domain/compare';
import { api } from '../../api/client';
import { mutate } from '../../api/mutate';
import type { RunChange } from '../../components/EditableListDialog';
import { EditableListDialog, RenameField, RowActionForm } from '../../components/EditableListDialog';
import { useQuery } from '../../hooks/useQuery';
import { OUTLETS_READ } from '../compare/compareDependencies';

/** One outlet's row: country and note saved on change; rename or merge into another outlet. */
function OutletRow({ outlet, others, run }: { outlet: Outlet; others: string[]; run: RunChange }) {
  const [country, setCountry] = useState(outlet.country ?? '');
  const [note, setNote] = useState(outlet.note);
  const [into, setInto] = useState('');
  const save = () => {
    const code = country.trim().toUpperCase();
    if (code === (outlet.country ?? '') && note === outlet.note) return;
    run(mutate('setOutlet', { name: outlet.name, country: code === '' ? null : code, note }), `save ${outlet.name}`);
  };
  return (
    <tr>
      <th scope="row">{outlet.name}</th>
      <td>{outlet.sourceCount}</td>
      <td>
        <input className="input input-short" aria-label={`Country of ${outlet.name}`} value={country} maxLength={2} placeholder="—" title="Two letters: AM, AZ, RU, PK…" onChange={(event) => setCountry(event.currentTarget.value)} onBlur={save} />
      </td>
      <td>
        <input className="input" aria-label={`Note on ${outlet.name}`} value={note} onChange={(event) => setNote(event.currentTarget.value)} onBlur={save} />
      </td>
      <td>
        {/* Renaming is merging into a new name (mergeOutlets creates it). */}
        <RenameField name={outlet.name} initial="" onRename={(to) => run(mutate('mergeOutlets', { from: outlet.name, into: to }), `rename ${outlet.name}`)} />
      </td>
      <td>
        <RowActionForm label="Merge" name={outlet.name} disabled={into === ''} onSubmit={() => run(mutate('mergeOutlets', { from: outlet.name, into }), `merge ${outlet.name}`)}>
          <select className="select" aria-label={`Merge ${outlet.name} into`} value={into} onChange={(event) => setInto(event.currentTarget.value)}>
            <option value="">Merge into…</option>
            {others.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </RowActionForm>
      </td>
    </tr>
  );
}

/** Every outlet with its number of articles, country (ISO 3166 alpha-2) and note (issue 11). */
export function OutletsDialog({ onClose }: { onClose: () => void }) {
  const outlets = useQuery('outletDetails', () => api.listOutletDetails({}), { dependencies: OUTLETS_READ });
  const list = outlets.data ?? [];
  return (
    <EditableListDialog
      title="Outlets"
      description={<p>Renaming or merging an outlet changes every source from it. Countries are two-letter codes: AM, AZ, RU, PK…</p>}
      tableLabel="Outlets"
      columns={['Outlet', 'Articles', 'Country', 'Note', 'Rename', 'Merge']}
      items={list}
      itemKey={(outlet) => `${outlet.name}:${outlet.country}:${outlet.note}:${outlet.sourceCount}`}
      renderRow={(outlet, run) => <OutletRow outlet={outlet} others={list.map((o) => o.name).filter((name) => name !== outlet.name)} run={run} />}
      empty={<p>No source names an outlet yet. Edit a source's details in the reader to set one.</p>}
      onClose={onClose}
    />
  );
}
