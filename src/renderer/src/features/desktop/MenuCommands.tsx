import { isModalOpen } from '../../components/modalLayer';
import { useMenuCommands } from '../../hooks/useMenuCommands';
import { useNotes } from '../notes/NotesContext';

interface MenuCommandsProps {
  importArticles?: () => void;
  importFolder?: () => void;
  showLibrary: () => void;
  openSourceId: number | null;
}

/** The desktop menu's page commands (useMenuCommands.ts); rendered inside NotesProvider for the notes' actions. */
export function MenuCommands({ importArticles, importFolder, showLibrary, openSourceId }: MenuCommandsProps) {
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
      showView: { library: showLibrary },
    },
    isModalOpen,
    openSourceId,
  );
  return null;
}
