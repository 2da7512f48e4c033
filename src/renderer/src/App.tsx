import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ListSort } from '../../shared/domain/sourceList';
import { defaultDirection, LIST_SORTS } from '../../shared/domain/sourceList';
import { useTransient } from './components/useTransient';
import { AppHeader } from './components/AppHeader';
import { BackupsButton } from './features/backups/BackupsButton';
import { isModalOpen, useIsModalOpen } from './components/modalLayer';
import { useNavigation } from './hooks/useNavigation';
import { useDeepLinks } from './features/links/useDeepLinks';
import { usePersistentState } from './hooks/usePersistentState';
import { useShortcuts } from './hooks/useShortcuts';
import { MenuCommands } from './features/desktop/MenuCommands';
import { DropOverlay } from './features/library/DropOverlay';
import type { ImportButtonHandle } from './features/library/ImportButton';
import { ImportButton } from './features/library/ImportButton';
import { ImportSummary } from './features/library/ImportSummary';
import type { LibraryQuery } from './features/library/libraryQuery';
import { DEFAULT_LIBRARY_QUERY } from './features/library/libraryQuery';
import { ReadOnlyBanner } from './features/library/ReadOnlyBanner';
import { LibraryPage } from './features/library/LibraryPage';
import { useFileDrop } from './features/library/useFileDrop';
import { prefetchFirstPage } from './features/library/useSourcePages';
import { useImport } from './features/library/useImport';
import type { ReaderPanelHandle } from './features/reader/ReaderLayout';
// The stylesheets of the views that load later (lazyViews.ts) stay in the window's first one, in
// their place in the cascade (where these views were imported before they were split off).
import './features/export/export.css';
import './features/highlights/translation.css';
import './features/highlights/highlights.css';
import './features/highlights/highlightsPanel.css';
import './features/reader/correctText.css';
import { NotesProvider } from './features/notes/NotesProvider';
import { NotesSplitView } from './features/notes/NotesSplitView';
import { NotesToggleButton } from './features/notes/NotesToggleButton';
import type { SearchBoxHandle } from './features/search/SearchBox';
import { SearchBox } from './features/search/SearchBox';
import type { MainView } from './features/compare/compareViews';
import { MAIN_VIEWS, useMainViews } from './features/compare/compareViews';
import { ViewTabs } from './features/compare/ViewTabs';
import { revealInReader } from './features/reader/revealIntent';
import { UndoSourceDeleteBar } from './features/reader/UndoSourceDeleteBar';
import './components/editableListDialog.css';
import './features/compare/compare.css';
import './features/passages/passages.css';
import './features/timeline/timeline.css';
import { ComparePage, PassagesPage, ReaderPage, TimelinePage } from './lazyViews';
import { ViewBoundary } from './components/ViewBoundary';
import { ShortcutsButton } from './components/ShortcutsButton';

/** The reader's outer element's classes (ReaderPage.tsx), for its loading and failure states to take its place. */
const READER_CLASS = 'page reader-page reader-page-status';

/** The sort is kept across restarts; a filter is for now only. */
const parseSort = (stored: string): Pick<LibraryQuery, 'sort' | 'direction'> | undefined => {
  const [sort, direction] = stored.split(' ');
  if (!(LIST_SORTS as readonly string[]).includes(sort ?? '')) return undefined;
  return { sort: sort as ListSort, direction: direction === 'asc' || direction === 'desc' ? direction : defaultDirection(sort as ListSort) };
};

/** What the reader's Back names: the library as a place, the other views by their tab's name ("Back to Timeline"). */
const backLabel = (main: MainView): string => (main === 'library' ? 'library' : (MAIN_VIEWS.find((entry) => entry.view === main)?.label ?? 'library'));

const serializeSort = (value: Pick<LibraryQuery, 'sort' | 'direction'>) => `${value.sort} ${value.direction}`;

export function App() {
  const { view, lastSourceId, openSource, backToLibrary } = useNavigation();
  useDeepLinks(openSource);
  const importer = useImport();
  const importing = importer.state.phase === 'running';
  const importButton = useRef<ImportButtonHandle>(null);
  const searchBox = useRef<SearchBoxHandle>(null);
  const readerPanel = useRef<ReaderPanelHandle>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const modalOpen = useIsModalOpen();
  const views = useMainViews();
  // The source open beside the reader's ("Compare with…"), if any.
  const [sideBySide, setSideBySide] = useState<number | null>(null);
  useEffect(() => {
    if (view.name !== 'reader') setSideBySide(null);
  }, [view.name]);

  const [sort, setSort] = usePersistentState<Pick<LibraryQuery, 'sort' | 'direction'>>('library.sort', { sort: 'date', direction: 'desc' }, parseSort, serializeSort);
  const [filters, setFilters] = useState<LibraryQuery>(DEFAULT_LIBRARY_QUERY);
  const query = useMemo<LibraryQuery>(() => ({ ...filters, ...sort }), [filters, sort]);
  // The library's first page is asked for before anything else of the window (first render only).
  useState(() => view.name === 'library' && views.main === 'library' && prefetchFirstPage(query));
  const setQuery = useCallback(
    (next: LibraryQuery) => {
      setSort({ sort: next.sort, direction: next.direction });
      setFilters(next);
    },
    [setSort],
  );

  // A summary with nothing to act on (all imported, or duplicates) leaves by itself; one that lists
  // failures or files not imported (a cancelled file fails) stays until dismissed, so its reasons can be read.
  const summaryRegion = useRef<HTMLDivElement>(null);
  const { state: importState } = importer;
  const passingSummary = importState.phase === 'done' && importState.results.every((result) => result.status !== 'failed') ? importState : null;
  useTransient(summaryRegion, passingSummary, importer.dismiss);

  const importFiles = importer.importFiles;
  const dragging = useFileDrop(
    (files) => void importFiles(files),
    () => !importing && !isModalOpen(),
  );
  const back = view.name === 'reader' ? backToLibrary : undefined;
  useShortcuts({
    importArticles: importing ? undefined : () => importButton.current?.open(),
    search: () => searchBox.current?.open(),
    showShortcuts: () => setShortcutsOpen(true),
    back,
    toggleHighlights: view.name === 'reader' ? () => readerPanel.current?.toggle() : undefined,
  });

  return (
    <NotesProvider onOpenSource={openSource}>
    <MenuCommands importArticles={importing ? undefined : () => importButton.current?.open()} importFolder={importing ? undefined : () => importButton.current?.openFolder()} showView={(next) => {
        views.setMain(next);
        if (view.name === 'reader') backToLibrary();
      }} openSourceId={view.name === 'reader' ? view.sourceId : null} />
    {/* While a modal dialog is open the browser makes this inert; aria-hidden says so to role queries too. */}
    <div className="app" aria-hidden={modalOpen || undefined}>
      <AppHeader onBack={back} backTo={backLabel(views.main)} actions={
          <>
            {/* In the reader, "Back" returns to the view it was opened from. */}
            {view.name === 'reader' ? null : <ViewTabs current={views.main} onSelect={views.setMain} />}
            <SearchBox onOpenSource={openSource} handle={searchBox} />
            <NotesToggleButton />
            <BackupsButton />
            <ImportButton handle={importButton} busy={importing} onFiles={(files) => void importFiles(files)} />
            <ShortcutsButton open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
          </>
        } />
      <ReadOnlyBanner />
      <div ref={summaryRegion} className="transient-region">
        <ImportSummary state={importer.state} onDismiss={importer.dismiss} />
        <UndoSourceDeleteBar onRestored={openSource} />
      </div>
      <main className="app-main">
        <NotesSplitView>
        {/* The views other than the library load their scripts when first shown (lazyViews.ts): a few ms, usually
            preloaded. Until then each says it is loading; if its script fails to load, it says so, with "Try again". */}
        {view.name === 'reader' && sideBySide !== null && sideBySide !== view.sourceId ? (
          // The box is what compare.css measures: below 44rem the two readers are one above the other.
          <div className="side-by-side-box">
            <div className="side-by-side">
              <ViewBoundary key={view.sourceId} name="Reader" className={READER_CLASS}>
                <ReaderPage sourceId={view.sourceId} onDeleted={backToLibrary} onCompareWith={setSideBySide} panelHandle={readerPanel} />
              </ViewBoundary>
              <ViewBoundary key={`side-${sideBySide}`} name="Reader" className={READER_CLASS}>
                <ReaderPage sourceId={sideBySide} onDeleted={() => setSideBySide(null)} onCloseSide={() => setSideBySide(null)} />
              </ViewBoundary>
            </div>
          </div>
        ) : view.name === 'reader' ? (
          <ViewBoundary key={view.sourceId} name="Reader" className={READER_CLASS}>
            <ReaderPage sourceId={view.sourceId} onDeleted={backToLibrary} onCompareWith={setSideBySide} panelHandle={readerPanel} />
          </ViewBoundary>
        ) : views.main === 'passages' ? (
          <ViewBoundary name="Passages" className="page passages-page">
          <PassagesPage
            filter={views.passageFilter}
            onFilterChange={views.setPassageFilter}
            onOpenPassage={(passage) => {
              openSource(passage.sourceId);
              revealInReader(passage.sourceId, { kind: 'highlight', highlightId: passage.id, quote: passage.exact });
            }}
          />
          </ViewBoundary>
        ) : views.main === 'compare' ? (
          <ViewBoundary name="Compare" className="page compare-page">
            <ComparePage onShowPassages={views.showPassages} />
          </ViewBoundary>
        ) : views.main === 'timeline' ? (
          <ViewBoundary name="Timeline" className="page timeline-page">
            <TimelinePage onOpenSource={openSource} onShowPassages={views.showPassages} />
          </ViewBoundary>
        ) : (
          <LibraryPage
            query={query}
            onQueryChange={setQuery}
            onOpen={openSource}
            onLoadSample={() => void importer.importSampleLibrary()}
            importing={importing}
            focusSourceId={lastSourceId}
          />
        )}
        </NotesSplitView>
      </main>
      {dragging ? <DropOverlay /> : null}
    </div>
    </NotesProvider>
  );
}
