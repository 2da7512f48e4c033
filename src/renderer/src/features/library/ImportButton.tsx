import type { Ref } from 'react';
import { useImperativeHandle, useRef } from 'react';
import { MOD_KEY_LABEL } from '../../components/modifierKey';

/** The file types the importer reads; anything else is refused by the library with a reason. */
export const IMPORT_ACCEPT = '.txt,.md,.markdown,.text';

export interface ImportButtonHandle {
  /** Opens the file chooser (the native dialog in Electron), as Ctrl/Cmd+O does. */
  open(): void;
}

interface ImportButtonProps {
  onFiles: (files: File[]) => void;
  busy: boolean;
  handle?: Ref<ImportButtonHandle>;
}

export function ImportButton({ onFiles, busy, handle }: ImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(handle, () => ({ open: () => input.current?.click() }), []);
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        onClick={() => input.current?.click()}
        disabled={busy}
        aria-keyshortcuts="Control+O Meta+O"
        title={`Import .txt or .md articles (${MOD_KEY_LABEL}+O)`}
      >
        Import articles
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Reset so choosing the same file again still fires a change.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
