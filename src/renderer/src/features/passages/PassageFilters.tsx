import type { PassageFilter } from '../../../../shared/domain/compare';
import { HIGHLIGHT_COLORS } from '../../../../shared/domain/highlight';
import { api } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import { CODES_READ, OUTLETS_READ } from '../compare/compareDependencies';
import { useCollections, useLanguages } from '../library/useFilterChoices';

interface PassageFiltersProps {
  filter: PassageFilter;
  onChange: (filter: PassageFilter) => void;
}

/** Sets or clears one field of the filter ('' clears it). */
function withField<K extends keyof PassageFilter>(filter: PassageFilter, key: K, value: PassageFilter[K] | ''): PassageFilter {
  const next = { ...filter };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value as PassageFilter[K];
  return next;
}

/** The filters of the Passages view: code (with its children), outlet, country, collection, dates, colour, language, cited, orphaned, words. */
export function PassageFilters({ filter, onChange }: PassageFiltersProps) {
  const codes = useQuery('codes', () => api.listCodes({}), { dependencies: CODES_READ });
  const outlets = useQuery('outletDetails', () => api.listOutletDetails({}), { dependencies: OUTLETS_READ });
  const collections = useCollections();
  const languages = useLanguages();
  const countries = [...new Set((outlets.data ?? []).map((outlet) => outlet.country).filter((country): country is string => country !== null))].sort();
  const set = <K extends keyof PassageFilter>(key: K, value: PassageFilter[K] | '') => onChange(withField(filter, key, value));
  const active = Object.keys(filter).length > 0;

  return (
    <form className="passage-filters" aria-label="Filter passages" onSubmit={(event) => event.preventDefault()}>
      <label className="field-inline">
        <span>Words</span>
        <input type="search" className="input" value={filter.words ?? ''} onChange={(event) => set('words', event.currentTarget.value)} placeholder="in quote, comment, codes" />
      </label>
      <label className="field-inline">
        <span>Code</span>
        <select className="select" value={filter.code ?? ''} onChange={(event) => set('code', event.currentTarget.value)}>
          <option value="">Any code</option>
          {(codes.data ?? []).map((code) => (
            <option key={code.name} value={code.name}>
              {`${'\u00a0\u00a0'.repeat(code.name.split('/').length - 1)}${code.name} (${code.passageCount})`}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>Outlet</span>
        <select className="select" value={filter.outlet ?? ''} onChange={(event) => set('outlet', event.currentTarget.value)}>
          <option value="">Any outlet</option>
          {(outlets.data ?? []).map((outlet) => (
            <option key={outlet.name} value={outlet.name}>
              {outlet.name}
            </option>
          ))}
          <option value="(no outlet)">(no outlet)</option>
        </select>
      </label>
      <label className="field-inline">
        <span>Country</span>
        <select className="select" value={filter.country ?? ''} onChange={(event) => set('country', event.currentTarget.value)}>
          <option value="">Any country</option>
          {countries.map((country) => (
            <option key={country} value={country}>
              {country}
            </option>
          ))}
          <option value="(no country)">(no country)</option>
        </select>
      </label>
      <label className="field-inline">
        <span>Collection</span>
        <select className="select" value={filter.collection ?? ''} onChange={(event) => set('collection', event.currentTarget.value)}>
          <option value="">Any collection</option>
          {(collections.data ?? []).map((collection) => (
            <option key={collection.name} value={collection.name}>
              {collection.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>From</span>
        <input type="date" className="input" value={filter.after ?? ''} onChange={(event) => set('after', event.currentTarget.value)} />
      </label>
      <label className="field-inline">
        <span>To</span>
        <input type="date" className="input" value={filter.before ?? ''} onChange={(event) => set('before', event.currentTarget.value)} />
      </label>
      <label className="field-inline">
        <span>Colour</span>
        <select className="select" value={filter.color ?? ''} onChange={(event) => set('color', event.currentTarget.value as PassageFilter['color'] | '')}>
          <option value="">Any colour</option>
          {HIGHLIGHT_COLORS.map((color) => (
            <option key={color} value={color}>
              {color}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>Language</span>
        <select className="select" value={filter.language ?? ''} onChange={(event) => set('language', event.currentTarget.value)}>
          <option value="">Any language</option>
          {(languages.data ?? []).map((language) => (
            <option key={language} value={language}>
              {language}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>Cited</span>
        <select className="select" value={filter.cited === undefined ? '' : String(filter.cited)} onChange={(event) => set('cited', event.currentTarget.value === '' ? '' : event.currentTarget.value === 'true')}>
          <option value="">Cited or not</option>
          <option value="true">Cited in a note</option>
          <option value="false">Uncited</option>
        </select>
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={filter.orphaned === true} onChange={(event) => set('orphaned', event.currentTarget.checked ? true : '')} />
        <span>Orphaned only</span>
      </label>
      {active ? (
        <button type="button" className="button button-quiet" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
