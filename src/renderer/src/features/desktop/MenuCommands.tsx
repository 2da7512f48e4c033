import { isModalOpen } from '../../components/modalLayer';
import { useMenuCommands } from '../../hooks/useMenuCommands';
import { useNotes } from '../notes/NotesContext';
import type { MainView } from '../compare/compareViews';
import { MAIN_VIEWS } from '../compare/compareViews';

interface MenuCommandsProps {
  importArticles?: () => void;
  importFolder?: () => void;
  /** Shows one of the main views (Library, Passages, Compare, Timeline), leaving the reader. */
  showView: (view: MainView) => void;
  openSourceId: number | null;
}

/** The desktop menu's page commands (useMenuCommands.ts); rendered inside NotesProvider for the notes' actions. */
export function MenuCommands({ importArticles, importFolder, showView, openSourceId }: MenuCommandsProps) {
  const { paneOpen, setPaneOpen, createNote } = useNotes();
  useMenuCommands(
    {
      importArticles,
      importFolder,
      newNote: () => {
        setPaneOpen(true);
        void createNote();
      },
      toggleNotes: () => setPaneOpen(!paneOpen),
      showView: Object.fromEntries(MAIN_VIEWS.map(({ view }) => [view, () => showView(view)])),
    },
    isModalOpen,
    openSourceId,
  );
  return null;
}
