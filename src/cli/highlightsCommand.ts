import type { Highlight } from '../shared/domain/highlight';
import { translationOrigin } from '../shared/domain/translation';
import type { Db } from '../core/db/db';
import { listAllHighlights, listHighlights } from '../core/highlights/highlightRows';
import { formatTable } from './format';

export const HIGHLIGHTS_USAGE = '  highlights [SOURCE_ID] list highlights, of one source or of the whole library';

/** The exit codes of main.ts (not imported from it: main imports this module). */
const EXIT = { ok: 0, inputFailed: 1, usage: 2 } as const;

export interface HighlightsIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Why these arguments are not a highlights command, or null; main can check before opening the library. */
export function highlightsUsageProblem(args: readonly string[]): string | null {
  if (args.length > 1) return `takes at most one SOURCE_ID, got "${args.join(' ')}".`;
  if (args.length === 1 && !/^[1-9]\d*$/.test(args[0]!)) return `SOURCE_ID is a number (see \`marginalia list\`), got "${args[0]}".`;
  return null;
}

/** The documented JSON shape, field for field: `exact` is exactly the selected words; `translation` null or { text, language, tool }. */
function toJson(highlight: Highlight) {
  const { id, sourceId, exact, prefix, suffix, start, end, color, comment, tags, orphaned, translation } = highlight;
  return { id, sourceId, exact, prefix, suffix, start, end, color, comment, tags, orphaned, translation };
}

/** One line for a terminal: line breaks inside a passage shown as ⏎. */
const oneLine = (text: string) => text.replace(/\n+/g, ' ⏎ ');

/**
 * `marginalia highlights [SOURCE_ID] [--json]`: the highlights of one source in document order
 * (orphans last), or of every source. Returns the exit code.
 */
export function runHighlights(db: Db, args: readonly string[], json: boolean, io: HighlightsIo): number {
  const problem = highlightsUsageProblem(args);
  if (problem) {
    io.err(`marginalia highlights: ${problem}`);
    return EXIT.usage;
  }
  let highlights: Highlight[];
  try {
    highlights = args.length === 1 ? listHighlights(db, Number(args[0])) : listAllHighlights(db);
  } catch (error) {
    io.err(`marginalia highlights: ${(error as Error).message}`);
    return EXIT.inputFailed;
  }
  if (json) {
    io.out(JSON.stringify(highlights.map(toJson), null, 2));
  } else if (highlights.length === 0) {
    io.out(args.length === 1 ? `Source ${args[0]} has no highlights.` : 'The library has no highlights yet.');
  } else {
    const rows = highlights.map((h) => [h.id, h.sourceId, h.orphaned ? 'orphaned' : `${h.start}–${h.end}`, h.color, h.tags.join(', ') || null, oneLine(h.exact)]);
    // Translations (issue 14) in a last column, shown only when there is one: "[en, DeepL] words".
    if (highlights.some((h) => h.translation !== null)) {
      highlights.forEach((h, index) => rows[index]!.push(h.translation ? `[${h.translation.language}, ${translationOrigin(h.translation)}] ${oneLine(h.translation.text)}` : null));
      io.out(formatTable(['ID', 'SOURCE', 'AT', 'COLOR', 'TAGS', 'QUOTE', 'TRANSLATION'], rows));
    } else io.out(formatTable(['ID', 'SOURCE', 'AT', 'COLOR', 'TAGS', 'QUOTE'], rows));
  }
  return EXIT.ok;
}
