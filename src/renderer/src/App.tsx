import { useCallback, useRef, useState } from 'react';
import { useTransient } from './components/useTransient';
import type { SourceSort } from '../../shared/domain/source';
import { AppHeader } from './components/AppHeader';
import { BackupsButton } from './features/backups/BackupsButton';
import { isModalOpen, useIsModalOpen } from './components/modalLayer';
import { useNavigation } from './hooks/useNavigation';
import { useDeepLinks } from './features/links/useDeepLinks';
import { usePersistentState } from './hooks/usePersistentState';
import { useShortcuts } from './hooks/useShortcuts';
import { DropOverlay } from './features/library/DropOverlay';
import type { ImportButtonHandle } from './features/library/ImportButton';
import { ImportButton } from './features/library/ImportButton';
import { ImportSummary } from './features/library/ImportSummary';
import type { LibraryFilters } from './features/library/LibraryPage';
import { LibraryPage } from './features/library/LibraryPage';
import { useFileDrop } from './features/library/useFileDrop';
import { useImport } from './features/library/useImport';
import { ReaderPage } from './features/reader/ReaderPage';
import { NotesProvider } from './features/notes/NotesProvider';
import { NotesSplitView } from './features/notes/NotesSplitView';
import { NotesToggleButton } from './features/notes/NotesToggleButton';
import type { SearchBoxHandle } from './features/search/SearchBox';
import { SearchBox } from './features/search/SearchBox';
import { ShortcutsButton } from './components/ShortcutsButton';

const parseSort = (stored: string): SourceSort | undefined => (stored === 'date' || stored === 'title' ? stored : undefined);

export function App() {
  const { view, lastSourceId, openSource, backToLibrary } = useNavigation();
  useDeepLinks(openSource);
  const importer = useImport();
  const importing = importer.state.phase === 'running';
  const importButton = useRef<ImportButtonHandle>(null);
  const searchBox = useRef<SearchBoxHandle>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const modalOpen = useIsModalOpen();

  const [sort, setSort] = usePersistentState<SourceSort>('library.sort', 'date', parseSort);
  const [outlet, setOutlet] = useState<string | null>(null);
  const filters: LibraryFilters = { sort, outlet };
  const setFilters = useCallback(
    (next: LibraryFilters) => {
      setSort(next.sort);
      setOutlet(next.outlet);
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
  });

  return (
    <NotesProvider onOpenSource={openSource}>
    {/* While a modal dialog is open the browser makes this inert; aria-hidden says so to role queries too. */}
    <div className="app" aria-hidden={modalOpen || undefined}>
      <AppHeader onBack={back} actions={
          <>
            <SearchBox onOpenSource={openSource} handle={searchBox} />
            <NotesToggleButton />
            <BackupsButton />
            <ImportButton handle={importButton} busy={importing} onFiles={(files) => void importFiles(files)} />
            <ShortcutsButton open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
          </>
        } />
      <div ref={summaryRegion} className="transient-region">
        <ImportSummary state={importer.state} onDismiss={importer.dismiss} />
      </div>
      <main className="app-main">
        <NotesSplitView>
        {view.name === 'reader' ? (
          <ReaderPage key={view.sourceId} sourceId={view.sourceId} onDeleted={backToLibrary} />
        ) : (
          <LibraryPage
            filters={filters}
            onFiltersChange={setFilters}
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
