import { useEffect, useState } from 'react';
import type { LibraryQuery } from './libraryQuery';
import { isFiltered } from './libraryQuery';

interface LibraryToolbarProps {
  query: LibraryQuery;
  onQueryChange: (query: LibraryQuery) => void;
  outlets: readonly string[];
  languages: readonly string[];
  collections: readonly string[];
  /** Sources matching the filter and in the library; null while the first page loads. */
  total: number | null;
  libraryTotal: number | null;
}

/** Typing in the words filter asks the library once per pause this long. */
const WORDS_DEBOUNCE_MS = 250;

const formatCount = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "100,000 sources, 2,314 shown" when a filter narrows the list, "100,000 sources" when not. */
export function countText(query: LibraryQuery, total: number, libraryTotal: number): string {
  const all = formatCount(libraryTotal, 'source', 'sources');
  return isFiltered(query) ? `${all}, ${total.toLocaleString('en')} shown` : all;
}

export function LibraryToolbar({ query, onQueryChange, outlets, languages, collections, total, libraryTotal }: LibraryToolbarProps) {
  const [words, setWords] = useState(query.words);
  useEffect(() => setWords(query.words), [query.words]);
  useEffect(() => {
    if (words === query.words) return;
    const timer = setTimeout(() => onQueryChange({ ...query, words }), WORDS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [words, query, onQueryChange]);

  return (
    <div className="library-toolbar">
      <div className="library-heading">
        <h1>Library</h1>
        {total !== null && libraryTotal !== null ? (
          <p className="library-count" role="status" aria-label="Sources shown">
            {countText(query, total, libraryTotal)}
          </p>
        ) : null}
      </div>
      <div className="library-controls" role="search" aria-label="Filter the library">
        <label className="field-inline">
          <span>Filter by words</span>
          <input className="input" type="search" value={words} placeholder="e.g. Lachin" onChange={(event) => setWords(event.currentTarget.value)} />
        </label>
        <label className="field-inline">
          <span>Filter by outlet</span>
          <select className="select" value={query.outlet ?? ''} onChange={(event) => onQueryChange({ ...query, outlet: event.currentTarget.value === '' ? null : event.currentTarget.value })}>
            <option value="">All outlets</option>
            {outlets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {languages.length > 0 ? (
          <label className="field-inline">
            <span>Language</span>
            <select className="select" value={query.language ?? ''} onChange={(event) => onQueryChange({ ...query, language: event.currentTarget.value === '' ? null : event.currentTarget.value })}>
              <option value="">All languages</option>
              {languages.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {collections.length > 0 ? (
          <label className="field-inline">
            <span>Collection</span>
            <select className="select" value={query.collection ?? ''} onChange={(event) => onQueryChange({ ...query, collection: event.currentTarget.value === '' ? null : event.currentTarget.value })}>
              <option value="">All sources</option>
              {collections.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="field-inline">
          <span>From</span>
          <input className="input" type="date" value={query.from ?? ''} onChange={(event) => onQueryChange({ ...query, from: event.currentTarget.value || null })} />
        </label>
        <label className="field-inline">
          <span>To</span>
          <input className="input" type="date" value={query.to ?? ''} onChange={(event) => onQueryChange({ ...query, to: event.currentTarget.value || null })} />
        </label>
      </div>
    </div>
  );
}
