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
        <FilterSelect label="Filter by outlet" all="All outlets" options={outlets} value={query.outlet} onChange={(outlet) => onQueryChange({ ...query, outlet })} />
        {languages.length > 0 ? <FilterSelect label="Language" all="All languages" options={languages} value={query.language} onChange={(language) => onQueryChange({ ...query, language })} /> : null}
        {collections.length > 0 ? (
          <FilterSelect label="Collection" all="All sources" options={collections} value={query.collection} onChange={(collection) => onQueryChange({ ...query, collection })} />
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

interface FilterSelectProps {
  label: string;
  /** The first option's words: no filter. */
  all: string;
  options: readonly string[];
  value: string | null | undefined;
  onChange: (value: string | null) => void;
}

/** One of the toolbar's list filters: the empty choice means no filter. */
function FilterSelect({ label, all, options, value, onChange }: FilterSelectProps) {
  return (
    <label className="field-inline">
      <span>{label}</span>
      <select className="select" value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}>
        <option value="">{all}</option>
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
