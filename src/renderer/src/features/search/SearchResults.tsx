import type { SearchResult } from '../../../../shared/api/search';
import type { ResultGroup } from './groupResults';
import { optionId } from './groupResults';
import { Snippet } from './Snippet';

interface SearchResultsProps {
  idPrefix: string;
  groups: readonly ResultGroup[];
  active: SearchResult | null;
  onChoose: (result: SearchResult) => void;
  onPoint: (result: SearchResult) => void;
}

/** What a result is called above its snippet: a highlight by its source, a note and a source by their titles. */
// The title isolated (<bdi>), so an Urdu or Hebrew title cannot reorder the words around it.
const label = (result: SearchResult) =>
  result.type === 'highlight' ? (
    <>
      In <bdi>{result.title}</bdi>
    </>
  ) : (
    <bdi>{result.title}</bdi>
  );

/**
 * The results as a listbox of groups (Sources, Highlights, Notes). Focus stays in the search box:
 * the active option is its aria-activedescendant, so typing, arrows and Enter all go to the box.
 */
export function SearchResults({ idPrefix, groups, active, onChoose, onPoint }: SearchResultsProps) {
  return (
    <div role="listbox" id={`${idPrefix}-listbox`} aria-label="Search results" className="search-results">
      {groups.map((group) => (
        <div key={group.type} role="group" aria-labelledby={`${idPrefix}-${group.type}-heading`} className="search-group">
          <div role="presentation" id={`${idPrefix}-${group.type}-heading`} className="search-group-heading">
            {group.heading}
          </div>
          {group.results.map((result) => (
            <div
              key={`${result.type}-${result.id}`}
              id={optionId(idPrefix, result)}
              role="option"
              aria-selected={result === active}
              className="search-option"
              // Keeps focus in the search box, so the click is not lost to its blur.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => result !== active && onPoint(result)}
              onClick={() => onChoose(result)}
            >
              <span className="search-option-title">{label(result)}</span>
              <span className="search-option-snippet">
                <Snippet segments={result.segments} />
              </span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
