/**
 * Saves text as a file the way a web page does: a Blob behind an <a download>. In the browser this
 * is a download; in Electron the same click opens the save dialog (the main process's default
 * for downloads), so export needs no operation of its own to write files.
 */
export interface DownloadableFile {
  fileName: string;
  content: string;
  /** A MIME type; the charset is always UTF-8. */
  type: string;
}

export const MARKDOWN_TYPE = 'text/markdown';

export function downloadFile({ fileName, content, type }: DownloadableFile): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later, not at once: the browser reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Several files from one click (the Markdown and its bibliography): one after another, a moment
 * apart, because Chromium drops all but the first of simultaneous downloads from one gesture.
 */
export async function downloadFiles(files: readonly DownloadableFile[], gapMilliseconds = 250): Promise<void> {
  for (const [index, file] of files.entries()) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, gapMilliseconds));
    downloadFile(file);
  }
}
