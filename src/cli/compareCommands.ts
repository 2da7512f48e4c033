import type { Db } from '../core/db/db';
import { autocode } from '../core/compare/autocode';
import { listCodes } from '../core/compare/codes';
import { addToCollection, listCollections } from '../core/compare/collections';
import { codeMatrix } from '../core/compare/matrix';
import { listOutletDetails, mergeOutlets, setOutlet } from '../core/compare/outlets';
import { allPassages } from '../core/compare/passages';
import { relatedCoverage } from '../core/compare/related';
import { AutocodeUnit, CountryCode, MatrixBy, type PassageFilter } from '../shared/domain/compare';
import { IsoDate } from '../shared/domain/source';
import { matrixCsv, passageJson, passagesCsv } from '../shared/compare/passageExport';
import { formatTable } from './format';

/** Comparing across sources (issue 11): outlets, collections, codes, passages, matrix, related, autocode. */
export const COMPARE_USAGE = `  outlets [set NAME [--country CC] [--note TEXT] | merge FROM INTO]
                        the outlets with their article counts; set a country or note; merge one into another
  collections           the collections with their sizes
  collect NAME SOURCE_ID...
                        add sources to a collection (created if new)
  codes                 the codebook: every code (a/b is b under a) with its passages
  passages [--code C] [--outlet O] [--country CC] [--collection N] [--after D] [--before D] [--csv]
                        every passage (highlight), by date then position; --code includes children
  matrix [--by outlet|country|collection] [--csv]
                        passages per code and outlet, country or collection
  related SOURCE_ID     sources most likely about the same event, best first
  autocode QUERY --code CODE [--unit sentence|paragraph]
                        code every sentence (or paragraph) that matches a search`;

export const COMPARE_COMMANDS = ['outlets', 'collections', 'collect', 'codes', 'passages', 'matrix', 'related', 'autocode'] as const;

export const COMPARE_OPTIONS = {
  country: { type: 'string' },
  note: { type: 'string' },
  code: { type: 'string' },
  outlet: { type: 'string' },
  collection: { type: 'string' },
  after: { type: 'string' },
  before: { type: 'string' },
  by: { type: 'string' },
  unit: { type: 'string' },
  csv: { type: 'boolean', default: false },
} as const;

export interface CompareValues {
  json: boolean;
  csv?: boolean;
  country?: string;
  note?: string;
  code?: string;
  outlet?: string;
  collection?: string;
  after?: string;
  before?: string;
  by?: string;
  unit?: string;
}

const OPTIONS_OF: Record<string, (keyof CompareValues)[]> = {
  outlets: ['country', 'note'],
  collections: [],
  collect: [],
  codes: [],
  passages: ['code', 'outlet', 'country', 'collection', 'after', 'before', 'csv'],
  matrix: ['by', 'csv'],
  related: [],
  autocode: ['code', 'unit'],
};

const isId = (text: string) => /^[1-9]\d*$/.test(text);

/** Why these arguments are not this command, or null; main checks before opening the library. */
export function compareUsageProblem(command: string, args: readonly string[], values: CompareValues): string | null {
  const allowed = OPTIONS_OF[command] ?? [];
  for (const option of Object.keys(COMPARE_OPTIONS) as (keyof CompareValues)[]) {
    const given = option === 'csv' ? values.csv === true : values[option] !== undefined;
    if (given && !allowed.includes(option)) return `--${option} does not go with ${command}.`;
  }
  if (values.csv && values.json) return 'give --json or --csv, not both.';
  switch (command) {
    case 'outlets':
      if (args.length === 0) return values.country !== undefined || values.note !== undefined ? '--country and --note go with `outlets set NAME`.' : null;
      if (args[0] === 'set') {
        if (args.length !== 2) return 'give one outlet NAME to set (quote it if it has spaces).';
        if (values.country === undefined && values.note === undefined) return 'say what to set: --country CC and/or --note TEXT.';
        if (values.country !== undefined && values.country !== '' && !CountryCode.safeParse(values.country).success) return `--country takes an ISO 3166 alpha-2 code such as AM, AZ or RU (or "" to clear), got "${values.country}".`;
        return null;
      }
      if (args[0] === 'merge') return args.length === 3 ? null : 'give FROM and INTO: `marginalia outlets merge "UrduPoint.com" UrduPoint`.';
      return `unknown outlets action "${args[0]}": use set or merge.`;
    case 'collections':
    case 'codes':
      return args.length > 0 ? `takes no arguments, got "${args.join(' ')}".` : null;
    case 'collect':
      if (args.length < 2) return 'give a collection NAME and at least one SOURCE_ID.';
      return args.slice(1).every(isId) ? null : 'SOURCE_ID is a number (see `marginalia list`).';
    case 'passages':
      if (args.length > 0) return `takes no arguments, got "${args.join(' ')}" (filters are options, e.g. --code framing).`;
      for (const date of [values.after, values.before]) if (date !== undefined && !IsoDate.safeParse(date).success) return `dates are YYYY-MM-DD, got "${date}".`;
      return null;
    case 'matrix':
      if (args.length > 0) return `takes no arguments, got "${args.join(' ')}".`;
      return values.by === undefined || MatrixBy.safeParse(values.by).success ? null : `--by is outlet, country or collection, got "${values.by}".`;
    case 'related':
      return args.length === 1 && isId(args[0]!) ? null : 'give one numeric SOURCE_ID (see `marginalia list`).';
    case 'autocode':
      if (args.length !== 1) return 'give one QUERY (quote it) and --code CODE.';
      if (values.code === undefined) return 'give the code to apply with --code CODE.';
      return values.unit === undefined || AutocodeUnit.safeParse(values.unit).success ? null : `--unit is sentence or paragraph, got "${values.unit}".`;
  }
  return `unknown command "${command}".`;
}

export interface CompareIo {
  out: (text: string) => void;
}

const print = (io: CompareIo, json: boolean, value: unknown, text: () => string) => io.out(json ? JSON.stringify(value, null, 2) : text());
const oneLine = (text: string) => text.replace(/\n+/g, ' ⏎ ');

/** Runs a compare command on an open library (usage already checked); returns the exit code. */
export function runCompareCommand(db: Db, command: string, args: readonly string[], values: CompareValues, io: CompareIo): number {
  const json = values.json;
  switch (command) {
    case 'outlets': {
      if (args[0] === 'set') {
        const country = values.country === undefined ? undefined : values.country === '' ? null : CountryCode.parse(values.country);
        const outlet = setOutlet(db, args[1]!, { country, note: values.note });
        print(io, json, outlet, () => `${outlet.name}: country ${outlet.country ?? '—'}${outlet.note ? `, note "${outlet.note}"` : ''}`);
      } else if (args[0] === 'merge') {
        const outlet = mergeOutlets(db, args[1]!, args[2]!);
        print(io, json, outlet, () => `Merged "${args[1]}" into "${outlet.name}": ${outlet.sourceCount} sources.`);
      } else {
        const outlets = listOutletDetails(db);
        print(io, json, outlets, () => (outlets.length === 0 ? 'No source names an outlet yet.' : formatTable(['OUTLET', 'COUNTRY', 'ARTICLES', 'NOTE'], outlets.map((o) => [o.name, o.country, o.sourceCount, o.note || null]))));
      }
      return 0;
    }
    case 'collections': {
      const collections = listCollections(db);
      print(io, json, collections, () => (collections.length === 0 ? 'No collections yet. Make one with `marginalia collect NAME SOURCE_ID...`.' : formatTable(['COLLECTION', 'SOURCES'], collections.map((c) => [c.name, c.sourceCount]))));
      return 0;
    }
    case 'collect': {
      const collection = addToCollection(db, args[0]!, args.slice(1).map(Number));
      print(io, json, collection, () => `"${collection.name}" now holds ${collection.sourceCount} sources.`);
      return 0;
    }
    case 'codes': {
      const codes = listCodes(db);
      print(io, json, codes, () =>
        codes.length === 0 ? 'No codes yet: tag a highlight to start the codebook.' : formatTable(['CODE', 'PASSAGES', 'COLOR', 'DESCRIPTION'], codes.map((c) => [`${'  '.repeat(c.name.split('/').length - 1)}${c.name}`, c.passageCount, c.color, c.description || null])),
      );
      return 0;
    }
    case 'passages': {
      const filter: PassageFilter = {};
      if (values.code !== undefined) filter.code = values.code;
      if (values.outlet !== undefined) filter.outlet = values.outlet;
      if (values.country !== undefined) filter.country = values.country;
      if (values.collection !== undefined) filter.collection = values.collection;
      if (values.after !== undefined) filter.after = values.after;
      if (values.before !== undefined) filter.before = values.before;
      const passages = allPassages(db, filter);
      if (values.csv) io.out(passagesCsv(passages).trimEnd());
      else print(io, json, passages.map(passageJson), () => (passages.length === 0 ? 'No passages match.' : formatTable(['ID', 'DATE', 'OUTLET', 'CODES', 'QUOTE'], passages.map((p) => [p.id, p.publishedAt, p.outlet, p.codes.join(', ') || null, oneLine(p.exact)]))));
      return 0;
    }
    case 'matrix': {
      const matrix = codeMatrix(db, (values.by ?? 'outlet') as MatrixBy);
      if (values.csv) io.out(matrixCsv(matrix).trimEnd());
      else print(io, json, { by: matrix.by, columns: matrix.columns, rows: matrix.rows }, () => (matrix.rows.length === 0 ? 'No codes yet.' : formatTable(['CODE', ...matrix.columns], matrix.rows.map((row) => [row.code, ...matrix.columns.map((column) => row.passages[column] ?? 0)]))));
      return 0;
    }
    case 'related': {
      const related = relatedCoverage(db, Number(args[0]));
      const shape = related.map(({ sourceId, title, outlet, publishedAt, score }) => ({ sourceId, title, outlet, publishedAt, score }));
      print(io, json, shape, () => (related.length === 0 ? `Nothing in the library looks like the same event as source ${args[0]}.` : formatTable(['ID', 'SCORE', 'DATE', 'OUTLET', 'TITLE', 'SHARED'], related.map((r) => [r.sourceId, r.score.toFixed(2), r.publishedAt, r.outlet, r.title, r.shared.slice(0, 4).join(', ')]))));
      return 0;
    }
    case 'autocode': {
      const result = autocode(db, { query: args[0]!, code: values.code!, unit: (values.unit ?? 'sentence') as AutocodeUnit });
      print(io, json, result.highlights, () => `Coded ${result.highlights.length} ${values.unit ?? 'sentence'}s with "${values.code}"${result.skipped > 0 ? ` (${result.skipped} already highlighted, left as they were)` : ''}.`);
      return 0;
    }
  }
  return 2;
}
