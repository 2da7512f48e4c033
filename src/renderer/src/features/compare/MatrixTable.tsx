import type { CodeMatrix, CoOccurrence } from '../../../../shared/domain/compare';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const depth = (code: string) => code.split('/').length - 1;
const leaf = (code: string) => code.slice(code.lastIndexOf('/') + 1);

/** A code's path with a line break allowed after each `/`: a co-occurrence header is one code path wide, not the whole path on one line. */
const breakablePath = (code: string) =>
  code.split('/').map((part, index, parts) =>
    index < parts.length - 1 ? (
      <span key={index}>
        {part}/<wbr />
      </span>
    ) : (
      <span key={index}>{part}</span>
    ),
  );

/** Shading by count: the fullest cell of the table is darkest. */
const shade = (count: number, max: number) => (count === 0 || max === 0 ? undefined : `rgba(217, 72, 15, ${(0.12 + 0.6 * (count / max)).toFixed(2)})`);

interface CodeColumnTableProps {
  matrix: CodeMatrix;
  onCell: (code: string, column: string) => void;
}

/** Codes (as a tree) × outlets, countries or collections; a cell opens Passages filtered to it. */
export function CodeColumnTable({ matrix, onCell }: CodeColumnTableProps) {
  const max = Math.max(0, ...matrix.rows.flatMap((row) => Object.values(row.passages)));
  return (
    <table className="code-matrix" aria-label="Code matrix">
      <thead>
        <tr>
          <th scope="col">Code</th>
          {matrix.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((row) => (
          <tr key={row.code}>
            <th scope="row" style={{ paddingInlineStart: `${0.5 + depth(row.code) * 1.1}rem` }} title={row.code}>
              {depth(row.code) > 0 ? <span className="visually-hidden">{row.code}</span> : null}
              <span aria-hidden={depth(row.code) > 0 || undefined}>{depth(row.code) > 0 ? leaf(row.code) : row.code}</span>
            </th>
            {matrix.columns.map((column) => {
              const passages = row.passages[column] ?? 0;
              const sources = row.sources[column] ?? 0;
              const name = `${plural(passages, 'passage')} coded ${row.code} in ${column}`;
              return (
                <td key={column} style={{ background: shade(passages, max) }}>
                  <button type="button" className="matrix-cell" aria-label={name} title={`${name}, from ${plural(sources, 'source')}`} disabled={passages === 0} onClick={() => onCell(row.code, column)}>
                    {passages}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface CoOccurrenceTableProps {
  data: CoOccurrence;
  onCell: (a: string, b: string) => void;
}

/** Code × code: passages carrying both (the diagonal, a code's own passages); a cell opens Passages filtered to them. */
export function CoOccurrenceTable({ data, onCell }: CoOccurrenceTableProps) {
  const max = Math.max(0, ...data.codes.flatMap((a) => data.codes.filter((b) => b !== a).map((b) => data.counts[a]?.[b] ?? 0)));
  return (
    <table className="code-matrix" aria-label="Code co-occurrence">
      <thead>
        <tr>
          <th scope="col">Code</th>
          {data.codes.map((code) => (
            <th key={code} scope="col">
              {breakablePath(code)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.codes.map((a) => (
          <tr key={a}>
            <th scope="row" title={a}>
              {a}
            </th>
            {data.codes.map((b) => {
              const count = data.counts[a]?.[b] ?? 0;
              const name = a === b ? `${plural(count, 'passage')} coded ${a}` : `${plural(count, 'passage')} coded both ${a} and ${b}`;
              return (
                <td key={b} style={{ background: a === b ? undefined : shade(count, max) }}>
                  <button type="button" className="matrix-cell" aria-label={name} disabled={count === 0} onClick={() => onCell(a, b)}>
                    {count}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
