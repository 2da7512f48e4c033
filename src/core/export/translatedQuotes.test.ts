import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { passagesMarkdown } from '../../shared/compare/passageExport';
import type { QuoteMode } from '../../shared/domain/translation';
import { QUOTE_MODES } from '../../shared/domain/translation';
import { allPassages } from '../compare/passages';
import { updateHighlight } from '../highlights/highlights';
import { exportNote } from './exportNote';
import { exportSourceHighlights } from './exportSourceHighlights';
import { openTestLibrary } from '../../../tests/support/library';
import { AZERBAIJANI_QUOTE, buildSampleLibrary, RUSSIAN_QUOTE } from './sampleNote';

/**
 * Translations beside quotes in every export (issue 14, item 4): the original, the translation,
 * or the original followed by the translation in brackets, read back by the real readers (pandoc's
 * markdown and gfm, cmark-gfm, citeproc) as the other export tests do.
 */
const TRANSLATION = 'The protest on the Lachin road goes on [sic]';

function run(command: string, args: string[], input: string, cwd?: string): string {
  const result = spawnSync(command, args, { input, cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}
const has = (command: string) => spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0;
const hasPandoc = has('pandoc');
const hasCmark = has('cmark-gfm');

/** What a reader of the rendered HTML sees: tags removed, references decoded, white space single. */
const visible = (html: string) => decodeHTML(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

const READERS: [string, boolean, string, string[]][] = [
  ['pandoc -f markdown', hasPandoc, 'pandoc', ['-f', 'markdown', '-t', 'html', '--wrap=none']],
  ['pandoc -f gfm', hasPandoc, 'pandoc', ['-f', 'gfm', '-t', 'html', '--wrap=none']],
  ['cmark-gfm', hasCmark, 'cmark-gfm', ['-e', 'footnotes', '-t', 'html']],
];

/** What each mode must show, and must not. */
const EXPECTED: Record<QuoteMode, { shows: string; hides: string | null }> = {
  original: { shows: `“${AZERBAIJANI_QUOTE}”`, hides: TRANSLATION },
  translation: { shows: `“${TRANSLATION}”`, hides: AZERBAIJANI_QUOTE },
  both: { shows: `“${AZERBAIJANI_QUOTE}” [${TRANSLATION}]`, hides: null },
};

let library: ReturnType<typeof openTestLibrary>;
let ids: ReturnType<typeof buildSampleLibrary>;
beforeEach(() => {
  library = openTestLibrary();
  ids = buildSampleLibrary(library.db);
  updateHighlight(library.db, ids.azerbaijaniHighlight, { translation: { text: TRANSLATION, language: 'en', tool: 'DeepL' } });
});
afterEach(() => library.cleanup());

describe('a translated quote in a note exported in the footnotes style', () => {
  it('writes both by default, and quotes without a translation as they were', () => {
    const { markdown } = exportNote(library.db, ids.noteId, { style: 'footnotes' });
    // The bracket is escaped: `[…]` after a quote must not read as a link or a citation.
    expect(markdown).toContain(`“${AZERBAIJANI_QUOTE}” \\[The protest on the Lachin road`);
    expect(markdown).toContain(`“${RUSSIAN_QUOTE}” — `);
  });

  for (const [name, available, command, args] of READERS) {
    const skip = available ? '' : ` [SKIPPED: ${command} is not on PATH]`;
    it.skipIf(!available)(`reads, in ${name}, as each quote mode says${skip}`, () => {
      for (const mode of QUOTE_MODES) {
        const text = visible(run(command, args, exportNote(library.db, ids.noteId, { style: 'footnotes', quotes: mode }).markdown));
        expect(text, mode).toContain(EXPECTED[mode].shows);
        if (EXPECTED[mode].hides) expect(text, mode).not.toContain(EXPECTED[mode].hides);
        expect(text, mode).toContain(`“${RUSSIAN_QUOTE}”`);
      }
    });
  }
});

describe.skipIf(!hasPandoc)(`a translated quote in the pandoc style, through citeproc${hasPandoc ? '' : ' [SKIPPED: pandoc is not on PATH]'}`, () => {
  it('keeps the translation in the citation, in brackets, in each mode', () => {
    for (const mode of QUOTE_MODES) {
      const exported = exportNote(library.db, ids.noteId, { style: 'pandoc', quotes: mode, stem: 'note' });
      fs.writeFileSync(path.join(library.dir, 'note.md'), exported.markdown);
      fs.writeFileSync(path.join(library.dir, 'note.json'), exported.bibliography!.json);
      const text = visible(run('pandoc', ['--citeproc', 'note.md', '-t', 'html', '--wrap=none'], '', library.dir));
      expect(text, mode).not.toContain('???');
      expect(text, mode).toContain(EXPECTED[mode].shows);
      if (EXPECTED[mode].hides) expect(text, mode).not.toContain(EXPECTED[mode].hides);
    }
  });
});

describe('a source’s highlights and Passages exported with translations', () => {
  for (const [name, available, command, args] of READERS) {
    const skip = available ? '' : ` [SKIPPED: ${command} is not on PATH]`;
    it.skipIf(!available)(`read, in ${name}, as each quote mode says${skip}`, () => {
      for (const mode of QUOTE_MODES) {
        const highlights = visible(run(command, args, exportSourceHighlights(library.db, ids.report, mode).markdown));
        const passages = visible(run(command, args, passagesMarkdown(allPassages(library.db), mode)));
        for (const [what, text] of [['highlights', highlights], ['passages', passages]] as const) {
          const { shows, hides } = EXPECTED[mode];
          // Block quotes carry no quotation marks: the words, then the translation in brackets.
          expect(text, `${what} ${mode}`).toContain(mode === 'both' ? `${AZERBAIJANI_QUOTE} [${TRANSLATION}]` : shows.slice(1, -1));
          if (hides) expect(text, `${what} ${mode}`).not.toContain(hides);
        }
        expect(passages, mode).toContain(RUSSIAN_QUOTE);
      }
    });
  }
});
