import { useState } from 'react';
import type { Code } from '../../../../shared/domain/compare';
import { api } from '../../api/client';
import { mutate } from '../../api/mutate';
import type { RunChange } from '../../components/EditableListDialog';
import { EditableListDialog, RenameField } from '../../components/EditableListDialog';
import { useQuery } from '../../hooks/useQuery';
import { CODES_READ } from './compareDependencies';

const depth = (name: string) => name.split('/').length - 1;

/** One code: colour and description saved on change; rename (onto an existing name: merge) or delete. */
function CodeRow({ code, run }: { code: Code; run: RunChange }) {
  const [description, setDescription] = useState(code.description);
  return (
    <tr>
      <th scope="row" style={{ paddingInlineStart: `${0.5 + depth(code.name) * 1.1}rem` }}>
        {code.name}
      </th>
      <td>{code.passageCount}</td>
      <td>
        <input type="color" aria-label={`Colour of ${code.name}`} value={code.color ?? '#888888'} onChange={(event) => run(mutate('setCode', { name: code.name, color: event.currentTarget.value }), `colour ${code.name}`)} />
      </td>
      <td>
        <input
          className="input"
          aria-label={`Description of ${code.name}`}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          onBlur={() => description !== code.description && run(mutate('setCode', { name: code.name, description }), `describe ${code.name}`)}
        />
      </td>
      <td>
        <RenameField name={code.name} initial={code.name} onRename={(to) => run(mutate('renameCode', { from: code.name, to }), `rename ${code.name}`)} />
      </td>
      <td>
        <button type="button" className="button button-small" aria-label={`Delete code ${code.name}`} onClick={() => window.confirm(`Delete the code "${code.name}" and the codes below it? Passages keep their other codes.`) && run(mutate('deleteCode', { name: code.name }), `delete ${code.name}`)}>
          Delete
        </button>
      </td>
    </tr>
  );
}

/** The codebook: every code as a tree, with its passages, colour and description (issue 11). */
export function CodebookDialog({ onClose }: { onClose: () => void }) {
  const codes = useQuery('codes', () => api.listCodes({}), { dependencies: CODES_READ });
  return (
    <EditableListDialog
      title="Codebook"
      description={<p>Every tag is a code; `framing/blockade-denial` is blockade-denial under framing. Renaming a code renames the codes below it; renaming it to an existing code merges the two.</p>}
      tableLabel="Codes"
      columns={['Code', 'Passages', 'Colour', 'Description', 'Rename or merge', 'Delete']}
      items={codes.data ?? []}
      itemKey={(code) => `${code.name}:${code.description}:${code.color}`}
      renderRow={(code, run) => <CodeRow code={code} run={run} />}
      onClose={onClose}
    />
  );
}
