import type { FocusEvent, KeyboardEvent as ReactKeyboardEvent, Ref } from 'react';
import { useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { SearchResult } from '../../../../shared/api/search';
import { isMac } from '../../components/modifierKey';
import { ariaKeyShortcuts, chordLabel, SHORTCUTS } from '../../hooks/shortcutList';
import { revealInReader } from '../reader/revealIntent';
import { useNotes } from '../notes/NotesContext';
import { flatten, groupResults, optionId } from './groupResults';
import { SearchHelp } from './SearchHelp';
import { SearchResults } from './SearchResults';
import { SEARCH_PAGE, useSearch } from './useSearch';
import './search.css';

export interface SearchBoxHandle {
  /** Puts the caret in the search box, its results shown, as Ctrl/Cmd+K does. */
  open(): void;
}

interface SearchBoxProps {
  /** Opens a source in the reader (the app's navigation). */
  onOpenSource: (sourceId: number) => void;
  handle?: Ref<SearchBoxHandle>;
}

function statusText(typed: string, state: ReturnType<typeof useSearch>): string {
  if (state.searching || state.query !== typed) return 'Searching…';
  if (state.error) return '';
  const count = state.results.length;
  if (count === 0) return `Nothing matches “${typed}”.`;
  return count >= SEARCH_PAGE ? `The best ${count} results.` : `${count} result${count === 1 ? '' : 's'}.`;
}

/**
 * The header's search: type to search the library (debounced; stale queries are cancelled),
 * arrows to move through the results, Enter to open one, Escape to close; Ctrl/Cmd+K from anywhere.
 * A source opens in the reader at its first match, a highlight at its passage, a note in the notes column.
 */
export function SearchBox({ onOpenSource, handle }: SearchBoxProps) {
  const idPrefix = `search${useId().replace(/:/g, '')}`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [active, setActive] = useState<SearchResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const { openNote } = useNotes();

  const typed = query.trim();
  const search = useSearch(query, open);
  const groups = useMemo(() => groupResults(search.results), [search.results]);
  const ordered = useMemo(() => flatten(groups), [groups]);
  const showPanel = open && typed !== '';

  // New results: the best one is active, so Enter opens it; after "Show more" the one chosen stays.
  const answered = useRef('');
  useEffect(() => {
    const sameQuery = answered.current === search.query;
    answered.current = search.query;
    setActive((current) => (sameQuery ? ordered.find((result) => current && result.type === current.type && result.id === current.id) : undefined) ?? ordered[0] ?? null);
  }, [ordered, search.query]);
  useEffect(() => {
    if (active) document.getElementById(optionId(idPrefix, active))?.scrollIntoView({ block: 'nearest' });
  }, [active, idPrefix]);

  // Ctrl/Cmd+K from anywhere (useShortcuts calls this).
  useImperativeHandle(
    handle,
    () => ({
      open: () => {
        setHelpOpen(false);
        setOpen(true);
        input.current?.focus();
        input.current?.select();
      },
    }),
    [],
  );

  const choose = useCallback(
    (result: SearchResult) => {
      setOpen(false);
      input.current?.blur();
      if (result.type === 'note') {
        openNote(result.id);
      } else if (result.type === 'highlight' && result.sourceId !== null) {
        onOpenSource(result.sourceId);
        revealInReader(result.sourceId, { kind: 'highlight', highlightId: result.id, quote: null });
      } else if (result.type === 'source') {
        onOpenSource(result.id);
        revealInReader(result.id, { kind: 'match', segments: result.segments });
      }
    },
    [onOpenSource, openNote],
  );

  const move = (step: number) => {
    if (ordered.length === 0) return;
    const at = active ? ordered.indexOf(active) : -1;
    setActive(ordered[(at + step + ordered.length) % ordered.length]!);
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      else move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (showPanel && active && search.query === typed) choose(active);
      else setOpen(true);
    } else if (event.key === 'Escape' && (showPanel || helpOpen)) {
      // Closes the results; a second Escape clears the box (the browser's own for a search field).
      event.preventDefault();
      setOpen(false);
      setHelpOpen(false);
    }
  };

  // Focus leaving the search (box, results, help) closes what it shows.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (container.current?.contains(event.relatedTarget as Node | null)) return;
    setOpen(false);
    setHelpOpen(false);
  };

  const status = statusText(typed, search);
  return (
    <div className="search-box" ref={container} onBlur={onBlur}>
      <input
        ref={input}
        type="search"
        className="input search-input"
        aria-label="Search library"
        aria-keyshortcuts={ariaKeyShortcuts('search', isMac)}
        aria-autocomplete="list"
        aria-controls={showPanel ? `${idPrefix}-listbox` : undefined}
        aria-activedescendant={showPanel && active ? optionId(idPrefix, active) : undefined}
        placeholder={`Search (${chordLabel(SHORTCUTS.search.chords[0], isMac)})`}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setHelpOpen(false);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="button button-quiet button-small search-help-button"
        aria-expanded={helpOpen}
        aria-controls={`${idPrefix}-help`}
        onClick={() => {
          setHelpOpen(!helpOpen);
          setOpen(false);
        }}
        onKeyDown={(event) => event.key === 'Escape' && helpOpen && (event.preventDefault(), setHelpOpen(false))}
      >
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">Search help</span>
      </button>
      {helpOpen ? (
        <div className="search-popover">
          <SearchHelp id={`${idPrefix}-help`} />
        </div>
      ) : null}
      {showPanel ? (
        <div className="search-popover search-panel" tabIndex={-1}>
          {search.warning && search.query === typed ? <p className="search-warning">{search.warning}</p> : null}
          {search.error ? (
            <p className="search-error" role="alert">
              {search.error}
            </p>
          ) : null}
          <p className="search-status" role="status">
            {status}
          </p>
          {groups.length > 0 ? <SearchResults idPrefix={idPrefix} groups={groups} active={active} onChoose={choose} onPoint={setActive} /> : null}
          {search.more && search.query === typed ? (
            <button type="button" className="button button-quiet search-more" onClick={search.showMore}>
              Show more results
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
