import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBibtex } from './bibtex';
import type { CslItem } from './csl';

/**
 * Titles, outlets and names with braces that do not balance: the .bib must still parse in the
 * tools LaTeX users run (bibtool, biber), every entry whole. Run against the real tools; skipped,
 * saying so, where they are not installed (CI installs both: .ci/run).
 */
// A missing command fails to start (ENOENT); bibtool -h exits non-zero even where it is installed.
const installed = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).error === undefined;
const hasBibtool = installed('bibtool', ['-h']);
const hasBiber = installed('biber', ['--version']);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bibtex-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const item = (id: string, title: string, extra: Partial<CslItem> = {}): CslItem => ({ id, type: 'article-newspaper', title, issued: { 'date-parts': [[2023, 1, 11]] }, ...extra });
const items: CslItem[] = [
  item('closing2023', 'Peace talks} resume in Brussels'),
  item('opening2023', 'Lachin {corridor report'),
  item('reversed2023', 'Statement } then { reply'),
  item('balanced2023', 'A {balanced} title', { 'container-title': 'Outlet {with} braces' }),
  item('names2023', 'Bylines', { author: [{ literal: 'Agency } News' }, { family: 'Hasanova{', given: 'Fatima' }], 'container-title': 'Caucasus } Ledger' }),
];
const file = path.join(dir, 'bibliography.bib');
fs.writeFileSync(file, formatBibtex(items));

describe.skipIf(!hasBibtool)(`bibtool${hasBibtool ? '' : ' (skipped: bibtool is not installed; apt-get install bibtool)'}`, () => {
  it('parses every entry of a .bib whose titles and names hold unbalanced braces, with no error or warning', () => {
    const out = path.join(dir, 'bibtool.bib');
    const result = spawnSync('bibtool', ['-i', file, '-o', out], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const written = fs.readFileSync(out, 'utf8');
    for (const { id } of items) expect(written).toMatch(new RegExp(`@Article\\{\\s*${id},`));
    expect(written).toContain('Peace talks\\textbraceright{} resume in Brussels');
  });
});

describe.skipIf(!hasBiber)(`biber${hasBiber ? '' : ' (skipped: biber is not installed; apt-get install biber)'}`, () => {
  it('reads every entry, fields whole, with no error or warning', { timeout: 120_000 }, () => {
    const out = path.join(dir, 'biber.bib');
    const result = spawnSync('biber', ['--tool', '--quiet', `--output-file=${out}`, file], { cwd: dir, encoding: 'utf8', timeout: 110_000 });
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/ERROR|WARN/);
    expect(result.status).toBe(0);
    const written = fs.readFileSync(out, 'utf8');
    for (const { id } of items) expect(written).toContain(`{${id},`);
    // The fields after the title are there: nothing was swallowed by a stray brace.
    expect(written.match(/DATE = \{2023-01-11\}/g)).toHaveLength(items.length);
    expect(written).toContain('{Statement \\textbraceright{} then \\textbraceleft{} reply}');
    expect(written).toContain('{A \\{balanced\\} title}');
  });
});
