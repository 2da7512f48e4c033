import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { NoteBacklink } from '../../../../shared/api/notes';
import type { Highlight, HighlightColor } from '../../../../shared/domain/highlight';
import { HIGHLIGHT_COLORS, tagKey } from '../../../../shared/domain/highlight';
import type { SourceSummary } from '../../../../shared/domain/source';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useQuery } from '../../hooks/useQuery';
import { useVirtualRows } from '../../hooks/useVirtualRows';
import { ExportHighlightsButton } from '../export/ExportHighlightsButton';
import { useBacklinks } from '../notes/CitedIn';
import { AnnotationFiles } from './AnnotationFiles';
import type { CitedSource } from './citeInNote';
import { COLOR_LABELS, parseColor } from './colors';
import { focusHighlightItem, useSelectedHighlight } from './highlightFocus';
import { HighlightItem } from './HighlightItem';
import { highlightApiAvailable } from './highlightLayers';
import { OrphanedHighlights } from './OrphanedHighlights';
import type { HighlightActions } from './useHighlightActions';
import { useHighlightActions } from './useHighlightActions';
import { useSourceHighlights } from './useSourceHighlights';
import './highlights.css';
import './highlightsPanel.css';
import { useTransient } from '../../components/useTransient';

interface HighlightsPanelProps {
  source: SourceSummary;
}

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

/** The tags used on these highlights, one entry per tag whatever its case, sorted. */
function tagsOf(highlights: readonly Highlight[]): string[] {
  const names = new Map<string, string>();
  for (const highlight of highlights) for (const tag of highlight.tags) if (!names.has(tagKey(tag))) names.set(tagKey(tag), tag);
  return Array.from(names.values()).sort(byName);
}

/** The highlights of this source that some live note cites. */
function citedHighlightIds(backlinks: readonly NoteBacklink[]): Set<number> {
  const ids = new Set<number>();
  for (const note of backlinks) for (const citation of note.citations) if (citation.highlightId !== null) ids.add(citation.highlightId);
  return ids;
}

/**
 * The panel's list: whole while short, a window at a time once long (5,000 highlights on one
 * article scroll as 50 do), the selected item brought into view either way.
 */
function HighlightRows({ shown, selectedId, source, suggestions, actions }: { shown: readonly Highlight[]; selectedId: number | null; source: CitedSource; suggestions: readonly string[]; actions: HighlightActions }) {
  const selectedIndex = selectedId === null ? -1 : shown.findIndex((highlight) => highlight.id === selectedId);
  const rows = useVirtualRows(shown.length, { estimate: 64, gap: 9.6, revealIndex: selectedIndex });
  const item = (highlight: Highlight, index?: number) => (
    <HighlightItem
      key={highlight.id}
      source={source}
      highlight={highlight}
      selected={highlight.id === selectedId}
      tagSuggestions={suggestions}
      actions={actions}
      index={index}
      measure={rows.windowed ? rows.measure : undefined}
    />
  );
  const list = (
    <ol className="highlight-list" aria-label="Highlighted passages" style={rows.style}>
      {rows.windowed ? rows.indexes.map((index) => item(shown[index]!, index)) : shown.map((highlight) => item(highlight))}
    </ol>
  );
  return rows.windowed ? (
    <div className="virtual-scroll highlight-list-scroll" ref={rows.scrollRef}>
      {list}
    </div>
  ) : (
    list
  );
}

/**
 * The Highlights panel beside the reader: the source's highlights in document order, filtered by
 * colour, tag and whether a note cites them, each editable in place (the selected one says which
 * notes cite it); orphans under their own heading; delete with undo; Markdown and Web Annotation
 * export, and import.
 */
export function HighlightsPanel({ source }: HighlightsPanelProps) {
  const { highlights: current, error: loadError, retry } = useSourceHighlights(source.id);
  // The list renders after the text is painted, in an interruptible pass: with 1,000 highlights
  // it is the costly part, and the reader must not wait for it (issue 3's 100 ms budget).
  const highlights = useDeferredValue(current);
  const selectedId = useSelectedHighlight(source.id);
  const { actions, notice, error } = useHighlightActions();
  const { data: libraryTags } = useQuery('highlight-tags', () => api.listTags({}), { dependencies: [{ kind: 'tags' }] });
  const [colorFilter, setColorFilter] = useState<HighlightColor | null>(null);
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const [uncitedOnly, setUncitedOnly] = useState(false);
  // One query for the whole panel (the selected item's "Cited in" asks for its own).
  const { data: backlinks } = useBacklinks(source.id);
  const citedIds = useMemo(() => citedHighlightIds(backlinks ?? []), [backlinks]);
  const undoRef = useRef<HTMLButtonElement>(null);
  const colorFilterId = useId();
  const tagFilterId = useId();

  const all = useMemo(() => highlights ?? [], [highlights]);
  const sourceTags = useMemo(() => tagsOf(all), [all]);
  // Stable across re-fetches that change nothing, so the memoised items do not all re-render.
  const suggestionKey = (libraryTags ?? []).map((tag) => tag.name).sort(byName).join('\n');
  const suggestions = useMemo(() => (suggestionKey ? suggestionKey.split('\n') : []), [suggestionKey]);
  const { id, title, outlet, author, publishedAt, citekey } = source;
  const citedSource = useMemo(() => ({ id, title, outlet, author, publishedAt, citekey }), [id, title, outlet, author, publishedAt, citekey]);
  // A tag filter whose tag is gone (its last use removed) filters nothing.
  const activeTag = tagFilter !== null && sourceTags.some((tag) => tagKey(tag) === tagKey(tagFilter)) ? tagFilter : null;
  const matches = (highlight: Highlight) =>
    (colorFilter === null || highlight.color === colorFilter) &&
    (activeTag === null || highlight.tags.some((tag) => tagKey(tag) === tagKey(activeTag))) &&
    (!uncitedOnly || !citedIds.has(highlight.id));
  const placed = all.filter((highlight) => !highlight.orphaned);
  const shown = placed.filter(matches);
  const orphans = all.filter((highlight) => highlight.orphaned && matches(highlight));
  const filtering = colorFilter !== null || activeTag !== null || uncitedOnly;

  // A message is about the moment it was said: it leaves after a few seconds or at the next action.
  const statusRef = useRef<HTMLDivElement>(null);
  const clearNotice = useCallback(() => actions.notify(null), [actions]);
  useTransient(statusRef, notice, clearNotice);

  // The deleted item's button is gone: focus moves to Undo, the next thing a user may want.
  useEffect(() => {
    if (notice?.undo) undoRef.current?.focus();
  }, [notice]);

  const undo = async (deleted: Highlight) => {
    const restored = await actions.undoDelete(deleted);
    if (restored && !restored.orphaned) focusHighlightItem(restored.sourceId, restored.id);
  };

  return (
    <section className="highlights-panel" aria-label="Highlights">
      <header className="highlights-header">
        <h2 className="highlights-title">
          Highlights <span className="highlights-count">{filtering ? `${shown.length} of ${placed.length}` : placed.length}</span>
        </h2>
        <div className="highlights-files">
          <ExportHighlightsButton sourceId={source.id} />
          <AnnotationFiles source={source} actions={actions} />
        </div>
      </header>
      {highlightApiAvailable ? null : (
        <p className="highlights-hint">This browser cannot paint highlights in the text (it lacks the CSS Custom Highlight API); they are listed here, and choosing one still scrolls to it.</p>
      )}
      {all.length > 0 ? (
        <div className="highlights-filters">
          <label htmlFor={colorFilterId}>Colour</label>
          <select id={colorFilterId} className="select" aria-label="Filter by colour" value={colorFilter ?? ''} onChange={(event) => setColorFilter(parseColor(event.currentTarget.value) ?? null)}>
            <option value="">All colours</option>
            {HIGHLIGHT_COLORS.map((color) => (
              <option key={color} value={color}>
                {COLOR_LABELS[color]}
              </option>
            ))}
          </select>
          <label htmlFor={tagFilterId}>Tag</label>
          <select id={tagFilterId} className="select" aria-label="Filter by tag" value={activeTag ?? ''} onChange={(event) => setTagFilter(event.currentTarget.value || null)}>
            <option value="">All tags</option>
            {sourceTags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
          <label className="highlights-filter-check">
            <input type="checkbox" checked={uncitedOnly} onChange={(event) => setUncitedOnly(event.currentTarget.checked)} />
            Uncited highlights
          </label>
        </div>
      ) : null}
      {loadError ? <ErrorBanner title="The highlights could not be loaded." message={errorMessage(loadError, 'load the highlights')} onRetry={retry} /> : null}
      {error ? <ErrorBanner message={error} onDismiss={() => actions.fail(null)} /> : null}
      {highlights === undefined && !loadError ? (
        <p className="loading" aria-busy="true">
          Loading highlights…
        </p>
      ) : placed.length === 0 ? (
        <p className="highlights-empty">Select words in the article, then choose Highlight (or press H).</p>
      ) : shown.length === 0 ? (
        <p className="highlights-empty">No highlights match these filters.</p>
      ) : (
        <HighlightRows shown={shown} selectedId={selectedId} source={citedSource} suggestions={suggestions} actions={actions} />
      )}
      {orphans.length > 0 ? <OrphanedHighlights sourceId={source.id} orphans={orphans} selectedId={selectedId} actions={actions} /> : null}
      {/* Named: the export button above has a status line of its own. */}
      <div ref={statusRef} className="highlights-status" role="status" aria-label="Highlight messages">
        {notice ? (
          <>
            <span>{notice.message}</span>
            {notice.undo ? (
              <button ref={undoRef} type="button" className="button button-small" onClick={() => void undo(notice.undo!)}>
                Undo
              </button>
            ) : null}
            <button type="button" className="button button-small button-quiet" aria-label="Dismiss message" onClick={() => actions.notify(null)}>
              <span aria-hidden="true">×</span>
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
}
