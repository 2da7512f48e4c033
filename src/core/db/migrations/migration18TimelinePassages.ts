/**
 * Migration 18 (issue 11: "the timeline drawn < 200 ms" at 100,000 articles): the timeline's
 * passages, counted per source and code as the highlights are written. Literal text, frozen once
 * released; appended to the migrations list.
 *
 * The timeline counts, per lane and stretch of the axis, the passages and the passages per code.
 * Counted from highlights, it joined all 50,000 passages to their sources and 58,000 codings and
 * grouped them: 120-170 ms of CPU at 100,000 articles, most of the view's budget. Here each source
 * with passages has a row with tag_id 0 (its passages, whatever their codes: a passage with two codes
 * counts once) and a row per code its passages carry (how many carry it), with the source's outlet
 * and date beside them, so the timeline reads one covering index range per outlet and stretch
 * (timeline.ts) and joins nothing. A count that falls to 0 loses its row.
 *
 * Kept by triggers, so that every way of writing (a highlight added, deleted or restored, a code
 * added, removed, merged or deleted, a source deleted, its outlet renamed or merged, its date
 * changed) keeps it exact, in the writing transaction:
 * - a highlight's codes are counted off BEFORE it is deleted: its highlight_tags rows are deleted by
 *   the foreign key's cascade after the highlight row, when its source can no longer be found (the
 *   codings' own delete trigger then changes nothing);
 * - a source's rows go with it, whatever became of its highlights;
 * - a count goes up by an UPSERT (SQLite 3.24; its SELECT has a WHERE, which 3.31's parser needs to
 *   tell ON CONFLICT from a join's ON), down by an UPDATE, and a row at 0 is deleted.
 * Lanes by country are the outlets of one country added up (outlets.country is read when the
 * timeline is asked): a country's change touches nothing here.
 */
export const MIGRATION_18_TIMELINE_PASSAGES = `
  CREATE TABLE timeline_passages (
    source_id     INTEGER NOT NULL,
    tag_id        INTEGER NOT NULL,
    outlet        TEXT,
    published_at  TEXT,
    passages      INTEGER NOT NULL,
    PRIMARY KEY (source_id, tag_id)
  ) WITHOUT ROWID;
  CREATE INDEX timeline_passages_lane ON timeline_passages (outlet, published_at, tag_id, passages);

  INSERT INTO timeline_passages (source_id, tag_id, outlet, published_at, passages)
    SELECT h.source_id, 0, s.outlet, s.published_at, count(*)
    FROM highlights h JOIN sources s ON s.id = h.source_id
    GROUP BY h.source_id;
  INSERT INTO timeline_passages (source_id, tag_id, outlet, published_at, passages)
    SELECT h.source_id, ht.tag_id, s.outlet, s.published_at, count(*)
    FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id JOIN sources s ON s.id = h.source_id
    GROUP BY h.source_id, ht.tag_id;

  CREATE TRIGGER timeline_passages_highlight_added AFTER INSERT ON highlights BEGIN
    INSERT INTO timeline_passages (source_id, tag_id, outlet, published_at, passages)
      SELECT s.id, 0, s.outlet, s.published_at, 1 FROM sources s WHERE s.id = NEW.source_id
      ON CONFLICT (source_id, tag_id) DO UPDATE SET passages = passages + 1;
  END;

  CREATE TRIGGER timeline_passages_highlight_deleted BEFORE DELETE ON highlights BEGIN
    UPDATE timeline_passages SET passages = passages - 1
      WHERE source_id = OLD.source_id AND (tag_id = 0 OR tag_id IN (SELECT tag_id FROM highlight_tags WHERE highlight_id = OLD.id));
    DELETE FROM timeline_passages WHERE source_id = OLD.source_id AND passages = 0;
  END;

  CREATE TRIGGER timeline_passages_highlight_moved AFTER UPDATE OF source_id ON highlights WHEN OLD.source_id IS NOT NEW.source_id BEGIN
    UPDATE timeline_passages SET passages = passages - 1
      WHERE source_id = OLD.source_id AND (tag_id = 0 OR tag_id IN (SELECT tag_id FROM highlight_tags WHERE highlight_id = NEW.id));
    DELETE FROM timeline_passages WHERE source_id = OLD.source_id AND passages = 0;
    INSERT INTO timeline_passages (source_id, tag_id, outlet, published_at, passages)
      SELECT s.id, t.tag_id, s.outlet, s.published_at, 1
      FROM sources s, (SELECT 0 AS tag_id UNION SELECT tag_id FROM highlight_tags WHERE highlight_id = NEW.id) t
      WHERE s.id = NEW.source_id
      ON CONFLICT (source_id, tag_id) DO UPDATE SET passages = passages + 1;
  END;

  CREATE TRIGGER timeline_passages_code_added AFTER INSERT ON highlight_tags BEGIN
    INSERT INTO timeline_passages (source_id, tag_id, outlet, published_at, passages)
      SELECT s.id, NEW.tag_id, s.outlet, s.published_at, 1 FROM highlights h JOIN sources s ON s.id = h.source_id WHERE h.id = NEW.highlight_id
      ON CONFLICT (source_id, tag_id) DO UPDATE SET passages = passages + 1;
  END;

  CREATE TRIGGER timeline_passages_code_removed AFTER DELETE ON highlight_tags BEGIN
    UPDATE timeline_passages SET passages = passages - 1
      WHERE source_id = (SELECT source_id FROM highlights WHERE id = OLD.highlight_id) AND tag_id = OLD.tag_id;
    DELETE FROM timeline_passages
      WHERE source_id = (SELECT source_id FROM highlights WHERE id = OLD.highlight_id) AND tag_id = OLD.tag_id AND passages = 0;
  END;

  CREATE TRIGGER timeline_passages_code_changed AFTER UPDATE ON highlight_tags BEGIN
    UPDATE timeline_passages SET passages = passages - 1
      WHERE source_id = (SELECT source_id FROM highlights WHERE id = OLD.highlight_id) AND tag_id = OLD.tag_id;
    DELETE FROM timeline_passages
      WHERE source_id = (SELECT source_id FROM highlights WHERE id = OLD.highlight_id) AND tag_id = OLD.tag_id AND passages = 0;
    INSERT INTO timeline_passages (source_id, tag_id, outlet, published_at, passages)
      SELECT s.id, NEW.tag_id, s.outlet, s.published_at, 1 FROM highlights h JOIN sources s ON s.id = h.source_id WHERE h.id = NEW.highlight_id
      ON CONFLICT (source_id, tag_id) DO UPDATE SET passages = passages + 1;
  END;

  CREATE TRIGGER timeline_passages_source_placed AFTER UPDATE OF outlet, published_at ON sources
    WHEN OLD.outlet IS NOT NEW.outlet OR OLD.published_at IS NOT NEW.published_at BEGIN
    UPDATE timeline_passages SET outlet = NEW.outlet, published_at = NEW.published_at WHERE source_id = NEW.id;
  END;

  CREATE TRIGGER timeline_passages_source_deleted AFTER DELETE ON sources BEGIN
    DELETE FROM timeline_passages WHERE source_id = OLD.id;
  END;
`;
