import type { ChangeEvent, Ref } from 'react';
import { useImperativeHandle, useRef } from 'react';
import { SUPPORTED_IMPORT_EXTENSIONS } from '../../../../shared/domain/source';
import { MOD_KEY_LABEL } from '../../components/modifierKey';
import type { ImportRequest } from './importSelection';
import { selectFolderFiles } from './importSelection';

/** The file types the importer reads; anything else is refused by the library with a reason. */
export const IMPORT_ACCEPT = SUPPORTED_IMPORT_EXTENSIONS.join(',');

export interface ImportButtonHandle {
  /** Opens the file chooser (the native dialog in Electron), as Ctrl/Cmd+O does. */
  open(): void;
  /** Opens the folder chooser, as "Import folder" does. */
  openFolder(): void;
}

interface ImportButtonProps {
  onFiles: (request: ImportRequest) => void;
  busy: boolean;
  handle?: Ref<ImportButtonHandle>;
}

/** The chosen files, with the input reset so choosing the same ones again still fires a change. */
function takeFiles(event: ChangeEvent<HTMLInputElement>): File[] {
  const files = Array.from(event.currentTarget.files ?? []);
  event.currentTarget.value = '';
  return files;
}

/** "Import articles" picks files; "Import folder" picks a folder and imports the articles in it and below. */
export function ImportButton({ onFiles, busy, handle }: ImportButtonProps) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  useImperativeHandle(handle, () => ({ open: () => filesInput.current?.click(), openFolder: () => folderInput.current?.click() }), []);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => folderInput.current?.click()}
        disabled={busy}
        title="Import every article in a folder and its subfolders (hidden and unsupported files are skipped)"
        aria-label="Import folder"
      >
        {/* A narrow window shows the short words (the name stays whole; it contains them). */}
        <span className="header-long-words">Import </span>folder
      </button>
      <button
        type="button"
        className="button button-primary"
        onClick={() => filesInput.current?.click()}
        disabled={busy}
        aria-keyshortcuts="Control+O Meta+O"
        title={`Import text, Markdown, web page or PDF articles (${MOD_KEY_LABEL}+O)`}
        aria-label="Import articles"
      >
        Import<span className="header-long-words"> articles</span>
      </button>
      <input
        ref={filesInput}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const files = takeFiles(event);
          if (files.length > 0) onFiles(files);
        }}
      />
      <input
        // React has no prop for webkitdirectory; Chromium (and Electron's native dialog) then choose a folder.
        ref={(input) => {
          folderInput.current = input;
          if (input) input.webkitdirectory = true;
        }}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          // A change with no files is an empty folder (a closed dialog fires none): the summary says nothing was found.
          onFiles({ ...selectFolderFiles(takeFiles(event)), failures: [] });
        }}
      />
    </>
  );
}
