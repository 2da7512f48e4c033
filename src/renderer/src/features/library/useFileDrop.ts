import { useEffect, useRef, useState } from 'react';
import type { ImportRequest } from './importSelection';
import type { DroppedEntry } from './readDroppedEntries';
import { readDroppedEntries } from './readDroppedEntries';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * What was dropped. Entries must be taken during the drop event (the browser empties the list after
 * it), then read at leisure; a drop of plain files needs no walk.
 */
function droppedRequest(data: DataTransfer): ImportRequest | null {
  const entries = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() as DroppedEntry | null | undefined)
    .filter((entry): entry is DroppedEntry => entry !== null && entry !== undefined);
  if (entries.some((entry) => entry.isDirectory)) return () => readDroppedEntries(entries);
  const files = Array.from(data.files);
  return files.length > 0 ? files : null;
}

/**
 * Files and folders dragged anywhere onto the window (a folder is imported recursively). Returns whether a drag with files is over the window
 * (to show the drop overlay). Every file drop is caught, so a stray drop never navigates away.
 */
export function useFileDrop(onFiles: (request: ImportRequest) => void, enabled: () => boolean): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef({ onFiles, enabled });
  latest.current = { onFiles, enabled };

  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed; count them to know when we left the window.
    let depth = 0;
    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      if (latest.current.enabled()) setDragging(true);
    };
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current.enabled() ? 'copy' : 'none';
    };
    const onDragLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const request = event.dataTransfer && latest.current.enabled() ? droppedRequest(event.dataTransfer) : null;
      if (request) latest.current.onFiles(request);
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return dragging;
}
