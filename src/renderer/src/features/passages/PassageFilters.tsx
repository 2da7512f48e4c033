import type { PassageFilter } from '../../../../shared/domain/compare';
import { HIGHLIGHT_COLORS } from '../../../../shared/domain/highlight';
import { api } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import { CODES_READ, OUTLETS_READ } from '../compare/compareDependencies';
import { useCollections, useLanguages } from '../library/useFilterChoices';

interface PassageFiltersProps {
  filter: PassageFilter;
  onChange: (filter: PassageFilter) => void;
  /** False until the first rows are in: the choices (codes with counts, outlets…) are asked for then. */
  loadChoices?: boolean;
}

/** The chosen value as an option while the choices are still on their way (a select shows only values it lists). */
function pending(choices: readonly string[] | undefined, value: string | undefined) {
  return choices === undefined && value !== undefined && value !== '' ? <option value={value}>{value}</option> : null;
}

/** Sets or clears one field of the filter ('' clears it). */
function withField<K extends keyof PassageFilter>(filter: PassageFilter, key: K, value: PassageFilter[K] | ''): PassageFilter {
  const next = { ...filter };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value as PassageFilter[K];
  return next;
}

/** The filters of the Passages view: code (with its children), outlet, country, collection, dates, colour, language, cited, orphaned, words. */
export function PassageFilters({ filter, onChange, loadChoices = true }: PassageFiltersProps) {
  const codes = useQuery('codes', () => api.listCodes({}), { dependencies: CODES_READ, enabled: loadChoices });
  const outlets = useQuery('outletDetails', () => api.listOutletDetails({}), { dependencies: OUTLETS_READ, enabled: loadChoices });
  const collections = useCollections(loadChoices);
  const languages = useLanguages(loadChoices);
  const allOf = filter.codes ?? [];
  const setAllOf = (next: string[]) => onChange(withField(filter, 'codes', next.length > 0 ? next : ''));
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
          {pending(codes.data?.map((code) => code.name), filter.code)}
          {(codes.data ?? []).map((code) => (
            <option key={code.name} value={code.name}>
              {`${'\u00a0\u00a0'.repeat(code.name.split('/').length - 1)}${code.name} (${code.passageCount})`}
            </option>
          ))}
        </select>
      </label>
      {allOf.length > 0 ? (
        <div role="group" aria-label="Coded with all of" className="field-inline passage-all-codes">
          <span>Coded with all of</span>
          {allOf.map((code) => (
            <span key={code} className="code-chip">
              {code}
              <button type="button" className="chip-remove" aria-label={`Remove ${code} from “coded with all of”`} onClick={() => setAllOf(allOf.filter((other) => other !== code))}>
                ×
              </button>
            </span>
          ))}
        </div>
      ) : null}
      <label className="field-inline">
        <span>Also coded</span>
        <select className="select" value="" onChange={(event) => event.currentTarget.value !== '' && setAllOf([...allOf, event.currentTarget.value])}>
          <option value="">Add a code…</option>
          {(codes.data ?? [])
            .filter((code) => !allOf.includes(code.name))
            .map((code) => (
              <option key={code.name} value={code.name}>
                {`${'\u00a0\u00a0'.repeat(code.name.split('/').length - 1)}${code.name}`}
              </option>
            ))}
        </select>
      </label>
      <label className="field-inline">
        <span>Outlet</span>
        <select className="select" value={filter.outlet ?? ''} onChange={(event) => set('outlet', event.currentTarget.value)}>
          <option value="">Any outlet</option>
          {filter.outlet !== '(no outlet)' ? pending(outlets.data?.map((outlet) => outlet.name), filter.outlet) : null}
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
          {filter.country !== '(no country)' ? pending(outlets.data ? countries : undefined, filter.country) : null}
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
          {pending(collections.data?.map((collection) => collection.name), filter.collection)}
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
          {pending(languages.data, filter.language)}
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
