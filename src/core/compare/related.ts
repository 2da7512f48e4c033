import type { RelatedSource } from '../../shared/domain/compare';
import { notFound } from '../../shared/api/errors';
import type { Db } from '../db/db';
import type { DocumentTerms } from './salientTerms';
import { documentTerms } from './salientTerms';

/**
 * Related coverage (issue 11): the sources most likely about the same event as one source.
 *
 * The method, in three steps:
 * 1. Candidates are sources published within RELATED_WINDOW_DAYS days of it, and undated sources
 *    (which cannot be ruled out by date). An undated source's candidates are all sources.
 * 2. A source's SALIENT TERMS are its names (words written with a capital where no sentence starts:
 *    Pashinyan, Guterres, Lachin) and its rare words (in at most RARE_SHARE of the library's
 *    sources, at least 2), each weighted by its inverse document frequency read from the search
 *    index (fts5vocab over sources_fts): idf = ln(1 + N / df). Terms of one source only are left out:
 *    nothing can share them. A name every article carries weighs
 *    little; a name only two carry weighs much.
 * 3. The TOP_TERMS weightiest salient terms of the source are looked up in the search index, which
 *    gives every candidate's share of them (first pass, no article is read); the best
 *    SECOND_PASS candidates are then read and scored by the cosine of the two sources' salient-term
 *    vectors (idf weights). Sources scoring at least RELATED_MIN_SCORE are listed, best first.
 *
 * Names weigh NAME_WEIGHT times a rare word of the same idf: they say more about the event.
 * The threshold was set on the five sample articles, all about the Lachin corridor in the same
 * weeks: the reports of the Pashinyan–Putin and Pashinyan–Guterres calls score each other 0.48 and
 * 0.51 (each the other's first or second); pairs sharing only the region's usual names score 0.34–0.37.
 */
export const RELATED_WINDOW_DAYS = 3;
export const RARE_SHARE = 0.01;
export const TOP_TERMS = 40;
export const SECOND_PASS = 25;
export const RELATED_MIN_SCORE = 0.4;
export const RELATED_LIMIT = 20;
/** A name says more about the event than a rare word does. */
export const NAME_WEIGHT = 2;

interface Context {
  db: Db;
  total: number;
  df: Map<string, number>;
}

/**
 * Document frequencies, kept per library while its set of sources is the same (same count, same
 * last id): looking a term up in fts5vocab costs about 0.1 ms, and the same names recur.
 */
const frequencies = new WeakMap<Db, { generation: string; df: Map<string, number> }>();

function cachedFrequencies(db: Db, total: number): Map<string, number> {
  const generation = `${total}:${db.prepare('SELECT max(id) FROM sources').pluck().get() as number}`;
  const cached = frequencies.get(db);
  if (cached && cached.generation === generation) return cached.df;
  const df = new Map<string, number>();
  frequencies.set(db, { generation, df });
  return df;
}

function ensureVocabulary(db: Db): void {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sources_fts_vocab USING fts5vocab(main, 'sources_fts', 'row')");
}

/**
 * The computation is written as steps: a generator that yields before each piece of work that
 * reads the library (a term's frequency, a term's candidates, a candidate's text) and after each
 * text is split into terms. One body serves both callers: `relatedCoverage` runs it to the end at
 * once (the CLI, the tests, the benchmark), `relatedCoverageInSlices` gives the thread back between
 * slices (the request handler).
 */
type Steps<T> = Generator<void, T, void>;

function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How long one slice may hold the thread that answers requests. */
export const RELATED_SLICE_MS = 4;

async function runInSlices<T>(steps: Steps<T>, sliceMs: number): Promise<T> {
  let sliceStarted = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStarted >= sliceMs) {
      // setImmediate, not a timer: the requests that came in meanwhile are answered, then this goes on at once.
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
}

function* documentFrequency(context: Context, term: string): Steps<number> {
  let df = context.df.get(term);
  if (df === undefined) {
    yield;
    df = (context.db.prepare('SELECT doc FROM temp.sources_fts_vocab WHERE term = ?').pluck().get(term) as number | undefined) ?? 1;
    context.df.set(term, df);
  }
  return df;
}

/**
 * Salient terms with their weights. A candidate's vector (`against` given) is its names plus the
 * rare words it shares with the source: its other rare words could only lower its score a little,
 * and leaving them out saves looking up the frequency of every word of every candidate.
 */
function* salient(context: Context, doc: DocumentTerms, against?: Map<string, number>): Steps<Map<string, number>> {
  const rareLimit = Math.max(2, Math.floor(context.total * RARE_SHARE));
  const weights = new Map<string, number>();
  for (const term of doc.terms) {
    if (against && !doc.names.has(term) && !against.has(term)) continue;
    const df = yield* documentFrequency(context, term);
    // A term no other source has cannot be shared; it would only dilute the score.
    if (df < 2) continue;
    if (doc.names.has(term)) weights.set(term, NAME_WEIGHT * Math.log(1 + context.total / df));
    else if (df <= rareLimit) weights.set(term, Math.log(1 + context.total / df));
  }
  return weights;
}

function cosine(a: Map<string, number>, b: Map<string, number>): { score: number; shared: string[] } {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const shared: [string, number][] = [];
  for (const [term, weight] of a) {
    na += weight * weight;
    const other = b.get(term);
    if (other !== undefined) {
      dot += weight * other;
      shared.push([term, weight]);
    }
  }
  for (const weight of b.values()) nb += weight * weight;
  const score = na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
  return { score, shared: shared.sort((x, y) => y[1] - x[1]).map(([term]) => term) };
}

function shiftDate(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** The source's salient terms, its top terms and the first pass's statement: exposed so the benchmark can run the same SQL raw. */
export function relatedPlan(db: Db, sourceId: number) {
  return runToEnd(planSteps(db, sourceId));
}

function* planSteps(db: Db, sourceId: number) {
  const source = db.prepare('SELECT id, body, title, published_at FROM sources WHERE id = ?').get(sourceId) as { id: number; body: string; title: string; published_at: string | null } | undefined;
  if (!source) throw notFound(`Source ${sourceId}`);
  ensureVocabulary(db);
  const total = db.prepare('SELECT count(*) FROM sources').pluck().get() as number;
  const context: Context = { db, total, df: cachedFrequencies(db, total) };
  yield;
  const terms = documentTerms(`${source.title}\n${source.body}`);
  yield;
  const own = yield* salient(context, terms);
  const top = [...own.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_TERMS);
  const window = source.published_at === null ? '' : `AND (s.published_at IS NULL OR s.published_at BETWEEN ? AND ?)`;
  const windowParams = source.published_at === null ? [] : [shiftDate(source.published_at, -RELATED_WINDOW_DAYS), shiftDate(source.published_at, RELATED_WINDOW_DAYS)];
  const lookupSql = `SELECT f.rowid FROM sources_fts f JOIN sources s INDEXED BY sources_id_published_at ON s.id = f.rowid
     WHERE sources_fts MATCH ? AND f.rowid != ? ${window}`;
  const lookupParams = top.map(([term]) => [`"${term.replaceAll('"', '""')}"`, sourceId, ...windowParams] as (string | number)[]);
  return { context, own, top, lookupSql, lookupParams };
}

interface RelatedOptions {
  minScore?: number;
  limit?: number;
}

/** Related coverage of one source, computed at once. */
export function relatedCoverage(db: Db, sourceId: number, options: RelatedOptions = {}): RelatedSource[] {
  return runToEnd(relatedSteps(db, sourceId, options));
}

/**
 * The same result, computed in slices of about `sliceMs` (RELATED_SLICE_MS) with the thread given
 * back between them: at 100,000 articles the whole takes a few hundred ms on a busy machine, and
 * the requests of an article being opened must not wait behind it. A slice ends after the step
 * that passes `sliceMs`; one statement (the frequency of a term most sources carry) can take 10 ms.
 */
export function relatedCoverageInSlices(db: Db, sourceId: number, options: RelatedOptions & { sliceMs?: number } = {}): Promise<RelatedSource[]> {
  return runInSlices(relatedSteps(db, sourceId, options), options.sliceMs ?? RELATED_SLICE_MS);
}

function* relatedSteps(db: Db, sourceId: number, options: RelatedOptions): Steps<RelatedSource[]> {
  const { context, own, top, lookupSql, lookupParams } = yield* planSteps(db, sourceId);
  if (top.length === 0) return [];

  // First pass: each candidate's share of the top terms, from the index alone.
  const lookup = db.prepare(lookupSql).pluck();
  const firstPass = new Map<number, number>();
  for (const [index, [, weight]] of top.entries()) {
    yield;
    for (const id of lookup.all(...lookupParams[index]!) as number[]) firstPass.set(id, (firstPass.get(id) ?? 0) + weight);
  }
  const best = [...firstPass.entries()].sort((a, b) => b[1] - a[1]).slice(0, SECOND_PASS);

  // Second pass: read the best candidates and score them properly.
  const read = db.prepare('SELECT id, title, outlet, published_at, body FROM sources WHERE id = ?');
  const results: RelatedSource[] = [];
  const minScore = options.minScore ?? RELATED_MIN_SCORE;
  for (const [id] of best) {
    yield;
    const row = read.get(id) as { id: number; title: string; outlet: string | null; published_at: string | null; body: string } | undefined;
    // Deleted while the thread was given back between slices.
    if (!row) continue;
    const terms = documentTerms(`${row.title}\n${row.body}`);
    yield;
    const { score, shared } = cosine(own, yield* salient(context, terms, own));
    if (score >= minScore) results.push({ sourceId: row.id, title: row.title, outlet: row.outlet, publishedAt: row.published_at, score: Math.round(score * 1000) / 1000, shared: shared.slice(0, 8) });
  }
  return results.sort((a, b) => b.score - a.score || a.sourceId - b.sourceId).slice(0, options.limit ?? RELATED_LIMIT);
}
