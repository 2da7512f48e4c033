/** Upper bound for one request: the browser host refuses bodies over 64 MB, and base64 adds a third. */
export const MAX_BATCH_BYTES = 24 * 1024 * 1024;
/** The contract accepts at most 1000 files a request; smaller batches also report progress sooner. */
export const MAX_BATCH_FILES = 100;

/**
 * Groups files (in order) into requests of at most MAX_BATCH_FILES files and MAX_BATCH_BYTES bytes.
 * A single file larger than the byte limit travels alone; the importer judges its size.
 */
export function planBatches<T extends { size: number }>(files: readonly T[], maxBytes = MAX_BATCH_BYTES, maxFiles = MAX_BATCH_FILES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= maxFiles || bytes + file.size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
