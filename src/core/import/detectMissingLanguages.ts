import type { Db } from '../db/db';
import { prepared } from '../db/prepared';
import { writeTransaction } from '../db/writeTransaction';
import { detectLanguage } from './detectLanguage';

const BATCH = 200;

/**
 * The one-off backfill for sources imported before languages were detected (issue 14): each
 * source without a language gets the one its title and text read as, where the detector is sure.
 * A batch at a time, each in its own transaction, so a library of 100,000 is not held locked and a
 * stop part way keeps what was done; run again, it goes on with the sources still without one
 * (those the detector could not tell are tried again, which costs little: they are the short ones).
 * No migration: `sources.language` was there from the first schema.
 */
export interface DetectMissingOptions {
  /** Sources per transaction (200 for the CLI; the app's background run takes fewer, to stay out of the way). */
  batchSize?: number;
  /** Stops after the batch in hand (what was written stays). */
  signal?: AbortSignal;
  /** Awaited between batches: the app's background run yields to requests here. */
  betweenBatches?: () => Promise<void>;
  /** The sources a batch gave a language to, once it is committed. */
  onBatch?: (ids: number[]) => void;
}

export async function detectMissingLanguages(db: Db, options: DetectMissingOptions = {}): Promise<{ checked: number; detected: number }> {
  const batchSize = options.batchSize ?? BATCH;
  let after = 0;
  let checked = 0;
  let detected = 0;
  for (;;) {
    if (options.signal?.aborted) return { checked, detected };
    const rows = prepared(db, 'SELECT id, title, substr(body, 1, 4000) AS sample FROM sources WHERE language IS NULL AND id > ? ORDER BY id LIMIT ?').all(after, batchSize) as { id: number; title: string; sample: string }[];
    if (rows.length === 0) return { checked, detected };
    const found: [number, string][] = [];
    for (const row of rows) {
      const language = await detectLanguage(`${row.title}\n${row.sample}`);
      if (language) found.push([row.id, language]);
    }
    const changed = writeTransaction(db, () =>
      // Only where it is still unknown: the researcher may have set one meanwhile, in the app.
      found.filter(([id, language]) => prepared(db, 'UPDATE sources SET language = ? WHERE id = ? AND language IS NULL').run(language, id).changes > 0).map(([id]) => id),
    );
    checked += rows.length;
    detected += found.length;
    after = rows.at(-1)!.id;
    if (changed.length > 0) options.onBatch?.(changed);
    await options.betweenBatches?.();
  }
}
