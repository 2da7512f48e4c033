import { useState } from 'react';
import type { Code } from '../../../../shared/domain/compare';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { Dialog } from '../../components/Dialog';
import { useQuery } from '../../hooks/useQuery';
import { mutate } from '../../api/mutate';
import { CODES_READ } from './compareDependencies';

const depth = (name: string) => name.split('/').length - 1;

/** One code: colour and description saved on change; rename (onto an existing name: merge) or delete. */
function CodeRow({ code, onError }: { code: Code; onError: (message: string | null) => void }) {
  const [description, setDescription] = useState(code.description);
  const [name, setName] = useState(code.name);
  const run = (action: Promise<unknown>, what: string) => action.then(() => onError(null), (error: unknown) => onError(errorMessage(error, what)));
  return (
    <tr>
      <th scope="row" style={{ paddingInlineStart: `${0.5 + depth(code.name) * 1.1}rem` }}>
        {code.name}
      </th>
      <td>{code.passageCount}</td>
      <td>
        <input type="color" aria-label={`Colour of ${code.name}`} value={code.color ?? '#888888'} onChange={(event) => void run(mutate('setCode', { name: code.name, color: event.currentTarget.value }), `colour ${code.name}`)} />
      </td>
      <td>
        <input
          className="input"
          aria-label={`Description of ${code.name}`}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          onBlur={() => description !== code.description && void run(mutate('setCode', { name: code.name, description }), `describe ${code.name}`)}
        />
      </td>
      <td>
        <form
          className="outlet-action"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim() !== '' && name.trim() !== code.name) void run(mutate('renameCode', { from: code.name, to: name }), `rename ${code.name}`);
          }}
        >
          <input className="input" aria-label={`New name for ${code.name}`} value={name} onChange={(event) => setName(event.currentTarget.value)} />
          <button type="submit" className="button button-small" aria-label={`Rename ${code.name}`}>
            Rename
          </button>
        </form>
      </td>
      <td>
        <button type="button" className="button button-small" aria-label={`Delete code ${code.name}`} onClick={() => window.confirm(`Delete the code "${code.name}" and the codes below it? Passages keep their other codes.`) && void run(mutate('deleteCode', { name: code.name }), `delete ${code.name}`)}>
          Delete
        </button>
      </td>
    </tr>
  );
}

/** The codebook: every code as a tree, with its passages, colour and description (issue 11). */
export function CodebookDialog({ onClose }: { onClose: () => void }) {
  const codes = useQuery('codes', () => api.listCodes({}), { dependencies: CODES_READ });
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog title="Codebook" onDismiss={onClose} className="outlets-dialog" description={<p>Every tag is a code; `framing/blockade-denial` is blockade-denial under framing. Renaming a code renames the codes below it; renaming it to an existing code merges the two.</p>}>
      {problem ? (
        <div role="alert" className="form-error">
          {problem}
        </div>
      ) : null}
      <table className="outlets-table" aria-label="Codes">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Passages</th>
            <th scope="col">Colour</th>
            <th scope="col">Description</th>
            <th scope="col">Rename or merge</th>
            <th scope="col">Delete</th>
          </tr>
        </thead>
        <tbody>
          {(codes.data ?? []).map((code) => (
            <CodeRow key={`${code.name}:${code.description}:${code.color}`} code={code} onError={setProblem} />
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
