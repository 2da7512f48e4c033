import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import type { SourceSort, SourceSummary } from '../../../../shared/domain/source';

interface SourceTableProps {
  sources: readonly SourceSummary[];
  sort: SourceSort;
  onOpen: (id: number) => void;
  /** Put focus on this source's title once it is listed (coming back from the reader). */
  focusSourceId: number | null;
}

function Missing() {
  return <span className="missing">—</span>;
}

/** Drawn, not spoken: aria-sort already tells assistive technology, and the header's name stays "Date". */
function SortArrow({ direction }: { direction: 'ascending' | 'descending' }) {
  return (
    <span className="sort-arrow" aria-hidden="true">
      {direction === 'ascending' ? ' ↑' : ' ↓'}
    </span>
  );
}

/** Up and Down move between titles, like a list in a desktop app; Tab still leaves the table. */
function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-source-id]'));
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index === -1) return;
  const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function SourceTable({ sources, sort, onOpen, focusSourceId }: SourceTableProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  const focused = useRef<number | null>(null);

  useEffect(() => {
    if (focusSourceId === null || focused.current === focusSourceId) return;
    const button = body.current?.querySelector<HTMLButtonElement>(`button[data-source-id="${focusSourceId}"]`);
    if (button) {
      focused.current = focusSourceId;
      button.focus();
    }
  }, [focusSourceId, sources]);

  return (
    <table className="source-table">
      <caption className="visually-hidden">Sources in the library, sorted by {sort}</caption>
      <thead>
        <tr>
          <th scope="col" aria-sort={sort === 'title' ? 'ascending' : undefined} className="col-title">
            Title
            {sort === 'title' ? <SortArrow direction="ascending" /> : null}
          </th>
          <th scope="col" className="col-outlet">
            Outlet
          </th>
          <th scope="col" className="col-author">
            Author
          </th>
          <th scope="col" aria-sort={sort === 'date' ? 'descending' : undefined} className="col-date">
            Date
            {sort === 'date' ? <SortArrow direction="descending" /> : null}
          </th>
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={moveFocus}>
        {sources.map((source) => (
          <tr
            key={source.id}
            onClick={(event) => {
              // The whole row is a target for the mouse; keyboard users have the title button.
              if (!(event.target instanceof HTMLButtonElement)) onOpen(source.id);
            }}
          >
            <td className="col-title">
              <button type="button" className="title-link" data-source-id={source.id} onClick={() => onOpen(source.id)}>
                {source.title}
              </button>
            </td>
            <td className="col-outlet">{source.outlet ?? <Missing />}</td>
            <td className="col-author">{source.author ?? <Missing />}</td>
            <td className="col-date">{source.publishedAt ? <time dateTime={source.publishedAt}>{source.publishedAt}</time> : <Missing />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
