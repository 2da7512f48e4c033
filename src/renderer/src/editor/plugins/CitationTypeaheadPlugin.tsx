import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MenuOption } from '@lexical/react/LexicalMenuOption';
import type { MenuRenderFn } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { LexicalTypeaheadMenuPlugin, PUNCTUATION, useBasicTypeaheadTriggerMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { TextNode } from 'lexical';
import { $insertNodes } from 'lexical';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Highlight } from '../../../../shared/domain/highlight';
import type { SourceSummary } from '../../../../shared/domain/source';
import type { CitationPayload } from '../../../../shared/notes/citationPayload';
import { highlightCitation, sourceCitation } from '../../../../shared/notes/citationPayload';
import type { SnippetSegment } from '../../../../shared/search/snippet';
import { api } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import { $createCitationNode } from '../nodes/CitationNode';
import { matchSources } from './matchSources';
import { useHighlightMatches } from './useHighlightMatches';

class SourceOption extends MenuOption {
  constructor(readonly source: SourceSummary) {
    super(`source-${source.id}`);
  }

  citation(): CitationPayload {
    return sourceCitation(this.source);
  }
}

class HighlightOption extends MenuOption {
  constructor(
    readonly highlight: Highlight,
    readonly source: SourceSummary,
    readonly segments: SnippetSegment[],
  ) {
    super(`highlight-${highlight.id}`);
  }

  citation(): CitationPayload {
    return highlightCitation(this.source, this.highlight);
  }
}

type CiteOption = SourceOption | HighlightOption;

const SOURCE_LIMIT = 8;
const HIGHLIGHT_LIMIT = 6;

// Hyphens and apostrophes occur inside names ("Nagorno-Karabakh", "Xalq qəzeti'nin"): keep them in the query.
const QUERY_PUNCTUATION = PUNCTUATION.replace('\\-', '').replace("'", '');

const sourceFacts = (source: SourceSummary) => [source.outlet, source.publishedAt].filter(Boolean).join(', ');

/** The words typed, marked in the snippet; elements made here, never HTML from the library. */
const marked = (segments: readonly SnippetSegment[]) => segments.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : segment.text));

/**
 * Typing `@` opens a list of sources and highlighted passages to cite, narrowed by the words typed
 * after it: sources by title, outlet, author or citekey; highlights by their words (or comment, or
 * tags) through the library's search. Arrows move, Enter or Tab cites, Escape closes. Picking a
 * highlight cites that passage (its exact words and its source's facts snapshotted), a source the
 * whole source. The list is a listbox, with a group per kind, whose active option the editor names
 * (aria-activedescendant, set by Lexical's menu).
 */
/** How many sources (newest first) the @ menu matches among; older ones in a larger library are cited from the reader. */
const TYPEAHEAD_SOURCES = 500;

export function CitationTypeaheadPlugin() {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const open = query !== null;
  // The newest TYPEAHEAD_SOURCES sources by date: matched here as typed, so the menu answers at once.
  const sources = useQuery(
    open ? 'typeahead:sources' : 'typeahead:closed',
    () => (open ? api.listSources({ sort: 'date', limit: TYPEAHEAD_SOURCES }).then((page) => page.sources) : Promise.resolve([])),
    { dependencies: [{ kind: 'sources' }] },
  );
  const highlights = useHighlightMatches(query, HIGHLIGHT_LIMIT);
  const trigger = useBasicTypeaheadTriggerMatch('@', { minLength: 0, maxLength: 60, allowWhitespace: true, punctuation: QUERY_PUNCTUATION });
  const sourceOptions = useMemo(() => matchSources(sources.data ?? [], query ?? '', SOURCE_LIMIT).map((source) => new SourceOption(source)), [sources.data, query]);
  const highlightOptions = useMemo(() => {
    const byId = new Map((sources.data ?? []).map((source) => [source.id, source]));
    return highlights.matches.flatMap(({ highlight, segments }) => {
      const source = byId.get(highlight.sourceId);
      return source ? [new HighlightOption(highlight, source, segments)] : [];
    });
  }, [sources.data, highlights.matches]);
  // One list for Lexical's menu (its index is the option's place here), shown in two groups.
  const options = useMemo<CiteOption[]>(() => [...sourceOptions, ...highlightOptions], [sourceOptions, highlightOptions]);
  const anchor = useRef<HTMLElement | null>(null);

  // Lexical names its menu container "Typeahead menu"; say what the list is.
  useEffect(() => {
    if (open) anchor.current?.setAttribute('aria-label', 'Sources and highlights to cite');
  });

  const onSelectOption = useCallback(
    (option: CiteOption, nodeToReplace: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        const chip = $createCitationNode(option.citation());
        if (nodeToReplace) nodeToReplace.replace(chip);
        else $insertNodes([chip]);
        chip.selectNext();
        closeMenu();
      });
    },
    [editor],
  );

  const renderMenu: MenuRenderFn<CiteOption> = (anchorElementRef, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }, matchingString) => {
    anchor.current = anchorElementRef.current;
    if (!anchorElementRef.current) return null;
    const item = (option: CiteOption, index: number, content: ReactNode) => (
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
        {content}
      </li>
    );
    const sourceItems = sourceOptions.map((option, index) =>
      item(
        option,
        index,
        <>
          <span className="citation-typeahead-title"><bdi>{option.source.title}</bdi></span>
          {sourceFacts(option.source) ? <span className="citation-typeahead-meta">{sourceFacts(option.source)}</span> : null}
        </>,
      ),
    );
    const highlightItems = highlightOptions.map((option, index) =>
      item(
        option,
        sourceOptions.length + index,
        <>
          <span className="citation-typeahead-quote">“{marked(option.segments)}”</span>
          <span className="citation-typeahead-meta">{sourceFacts(option.source) || option.source.title}</span>
        </>,
      ),
    );
    const searching = sources.loading || highlights.searching;
    // Headings only when there is more than sources to tell apart.
    const grouped = highlightItems.length > 0;
    return createPortal(
      <div className="citation-typeahead">
        {options.length === 0 ? (
          <p className="citation-typeahead-empty">{searching ? 'Searching…' : `No source or highlight matches “${matchingString}”.`}</p>
        ) : (
          <>
            {sourceItems.length > 0 ? <OptionGroup label={grouped ? 'Sources' : null}>{sourceItems}</OptionGroup> : null}
            {grouped ? <OptionGroup label="Highlights">{highlightItems}</OptionGroup> : null}
          </>
        )}
        {highlights.failed ? <p className="citation-typeahead-empty">Highlights could not be searched; sources are listed.</p> : null}
      </div>,
      anchorElementRef.current,
    );
  };

  return (
    <LexicalTypeaheadMenuPlugin<CiteOption>
      options={options}
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={trigger}
      menuRenderFn={renderMenu}
      anchorClassName="citation-typeahead-anchor"
    />
  );
}

/** A group of options in the listbox, named and headed when there are several kinds. */
function OptionGroup({ label, children }: { label: string | null; children: ReactNode }) {
  if (label === null) return <ul role="presentation">{children}</ul>;
  return (
    <div role="group" aria-label={label}>
      <p className="citation-typeahead-heading" aria-hidden="true">
        {label}
      </p>
      <ul role="presentation">{children}</ul>
    </div>
  );
}
