import type { Db } from '../src/core/db/db';
import { reindexHighlight, writeNoteSearchText } from '../src/core/search/searchIndex';
import type { Random } from './random';
import { pick, randomInt } from './random';

/**
 * Highlights and notes for the search section: one highlight per two articles (a sentence of the
 * article, a third with a comment, most with one or two tags) and one note per hundred articles
 * (a title and a few hundred words quoted from articles). Inserted with plain SQL in one
 * transaction and indexed as the app indexes them (its fold, its shadow rows, its FTS5 entries:
 * no trigger has indexed them since migration 7), so the figure includes that cost.
 */
export interface AnnotationFigures {
  highlights: number;
  notes: number;
  /** Inserting them, with their index entries. */
  seconds: number;
}

/** The tags of the synthetic highlights, in three scripts; `tag:` queries use them. */
export const BENCH_TAGS = ['blockade', 'ceasefire', 'peacekeepers', 'protest', 'energy', 'refugees', 'talks', 'sanctions', 'Блокада', 'Շրջափակում'];

const sentencesOf = (body: string) => body.split(/(?<=\.)\s+/u).filter((sentence) => sentence.length > 20);

export function addAnnotations(db: Db, articles: number, random: Random): AnnotationFigures {
  const body = db.prepare('SELECT body FROM sources WHERE id = ?').pluck();
  const insertHighlight = db.prepare(`INSERT INTO highlights (source_id, start, end, exact, prefix, suffix, color, comment, created_at, updated_at)
    VALUES (?, ?, ?, ?, '', '', 'yellow', ?, ?, ?)`);
  const insertTag = db.prepare('INSERT OR IGNORE INTO tags (name, name_key) VALUES (?, lower(?))');
  const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
  const tagHighlight = db.prepare('INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)');
  const insertNote = db.prepare(`INSERT INTO notes (title, editor_state, plain_text, created_at, updated_at) VALUES (?, '{"root":{"children":[],"type":"root","version":1}}', ?, ?, ?)`);
  const now = new Date().toISOString();
  let highlights = 0;
  let notes = 0;
  const start = performance.now();
  db.transaction(() => {
    for (let id = 1; id <= articles; id++) {
      const text = body.get(id) as string;
      if (random() < 0.5) {
        const exact = pick(random, sentencesOf(text));
        const at = text.indexOf(exact);
        const comment = random() < 0.3 ? pick(random, sentencesOf(text)).split(' ').slice(0, randomInt(random, 3, 12)).join(' ') : '';
        const highlightId = Number(insertHighlight.run(id, at, at + exact.length, exact, comment, now, now).lastInsertRowid);
        for (let t = random() < 0.8 ? randomInt(random, 1, 2) : 0; t > 0; t--) {
          const tag = pick(random, BENCH_TAGS);
          insertTag.run(tag, tag);
          tagHighlight.run(highlightId, tagId.get(tag));
        }
        reindexHighlight(db, highlightId);
        highlights++;
      }
      if (id % 100 === 0) {
        const quoted = Array.from({ length: randomInt(random, 5, 20) }, () => pick(random, sentencesOf(body.get(randomInt(random, 1, articles)) as string)));
        writeNoteSearchText(db, Number(insertNote.run(quoted[0]!.split(' ').slice(0, 6).join(' '), quoted.join('\n\n'), now, now).lastInsertRowid));
        notes++;
      }
    }
  })();
  return { highlights, notes, seconds: (performance.now() - start) / 1000 };
}
