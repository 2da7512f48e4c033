import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MenuOption } from '@lexical/react/LexicalMenuOption';
import type { MenuRenderFn } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { LexicalTypeaheadMenuPlugin, PUNCTUATION, useBasicTypeaheadTriggerMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { TextNode } from 'lexical';
import { $insertNodes } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { SourceSummary } from '../../../../shared/domain/source';
import { sourceCitation } from '../../../../shared/notes/citationPayload';
import { api } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import { $createCitationNode } from '../nodes/CitationNode';
import { matchSources } from './matchSources';

class SourceOption extends MenuOption {
  constructor(readonly source: SourceSummary) {
    super(`source-${source.id}`);
  }
}

// Hyphens and apostrophes occur inside names ("Nagorno-Karabakh", "Xalq qəzeti'nin"): keep them in the query.
const QUERY_PUNCTUATION = PUNCTUATION.replace('\\-', '').replace("'", '');

const sourceFacts = (source: SourceSummary) => [source.outlet, source.publishedAt].filter(Boolean).join(', ');

/**
 * Typing `@` opens a list of sources to cite, narrowed by the words typed after it; arrows move,
 * Enter or Tab cites, Escape closes. The list is a listbox whose active option the editor names
 * (aria-activedescendant, set by Lexical's menu).
 * TODO(issue 3): offer highlights too, once their operations are in the contract.
 */
export function CitationTypeaheadPlugin() {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const open = query !== null;
  const sources = useQuery(open ? 'typeahead:sources' : 'typeahead:closed', () => (open ? api.listSources({ sort: 'date', outlet: null }) : Promise.resolve([])));
  const trigger = useBasicTypeaheadTriggerMatch('@', { minLength: 0, maxLength: 60, allowWhitespace: true, punctuation: QUERY_PUNCTUATION });
  const options = useMemo(() => matchSources(sources.data ?? [], query ?? '').map((source) => new SourceOption(source)), [sources.data, query]);
  const anchor = useRef<HTMLElement | null>(null);

  // Lexical names its menu container "Typeahead menu"; say what the list is.
  useEffect(() => {
    if (open) anchor.current?.setAttribute('aria-label', 'Sources to cite');
  });

  const onSelectOption = useCallback(
    (option: SourceOption, nodeToReplace: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        const chip = $createCitationNode(sourceCitation(option.source));
        if (nodeToReplace) nodeToReplace.replace(chip);
        else $insertNodes([chip]);
        chip.selectNext();
        closeMenu();
      });
    },
    [editor],
  );

  const renderMenu: MenuRenderFn<SourceOption> = (anchorElementRef, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }, matchingString) => {
    anchor.current = anchorElementRef.current;
    if (!anchorElementRef.current) return null;
    return createPortal(
      <div className="citation-typeahead">
        {options.length === 0 ? (
          <p className="citation-typeahead-empty">{sources.loading ? 'Loading sources…' : `No source matches “${matchingString}”.`}</p>
        ) : (
          <ul role="presentation">
            {options.map((option, index) => (
              <li
                key={option.key}
                // Lexical points aria-activedescendant at these ids.
                id={`typeahead-item-${index}`}
                ref={option.setRefElement}
                role="option"
                aria-selected={selectedIndex === index}
                className={selectedIndex === index ? 'citation-typeahead-option is-active' : 'citation-typeahead-option'}
                onMouseEnter={() => setHighlightedIndex(index)}
                // Keep the caret in the editor: the menu acts on it.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => selectOptionAndCleanUp(option)}
              >
                <span className="citation-typeahead-title">{option.source.title}</span>
                {sourceFacts(option.source) ? <span className="citation-typeahead-meta">{sourceFacts(option.source)}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>,
      anchorElementRef.current,
    );
  };

  return (
    <LexicalTypeaheadMenuPlugin<SourceOption>
      options={options}
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={trigger}
      menuRenderFn={renderMenu}
      anchorClassName="citation-typeahead-anchor"
    />
  );
}
