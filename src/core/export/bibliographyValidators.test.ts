import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { hasInterop, INTEROP_SKIP, interopFile } from '../interopReferences';
import { formatBibtex } from './bibtex';
import type { CitedSource } from './csl';
import { formatCslJson, toCslItem } from './csl';

/**
 * The bibliography files checked by what reads them (issue 15): the CSL-JSON against the official
 * CSL-JSON schema (draft-07) from the interop folder, the BibTeX by biber's data model validation
 * (`biber --tool --validate-datamodel`, which .ci/run installs).
 */
const source = (overrides: Partial<CitedSource>): CitedSource => ({
  sourceId: 1,
  inLibrary: true,
  title: 'Title',
  outlet: null,
  author: null,
  publishedAt: null,
  url: null,
  language: null,
  titleDerived: false,
  citekey: 'key',
  ...overrides,
});

/**
 * Sources as awkward as the library holds: every script, balanced braces, TeX specials, missing
 * fields, a deleted source. (Unbalanced braces in a title are another issue's, in bibtex.ts.)
 */
const SOURCES: CitedSource[] = [
  source({ citekey: 'armenpress2022lachin', title: 'Լաչինի միջանցքը՝ շրջափակման մեջ', outlet: 'Արմենպրես', author: 'Անի Հակոբյան', publishedAt: '2022-12-20', url: 'https://armenpress.am/arm/news/1100000', language: 'hy' }),
  source({ citekey: 'ria2023lachin', title: 'Лачинский коридор: 50% грузов & {ничего} $5 #1 _x_ ^ ~ \\ не ясно', outlet: 'РИА Новости', author: 'Иванов, Пётр', publishedAt: '2023-01-05', url: 'https://ria.ru/a?b=1&c={2}', language: 'ru' }),
  source({ citekey: 'report2023iravan', title: 'İrəvanın “iddiaları”', outlet: 'Report.az', author: 'Fatima Hasanova and Ani Hakobyan', publishedAt: '2023-01-11', language: 'az' }),
  source({ citekey: 'anon', title: 'لاچین راہداری', language: 'ur' }),
  source({ citekey: 'reuters2023', title: 'Reuters: a wire report', author: 'Reuters', publishedAt: '2023-02-01', inLibrary: false }),
];

const hasBiber = spawnSync('biber', ['--version'], { encoding: 'utf8' }).status === 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bib-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasInterop)(`CSL-JSON against the CSL-JSON schema${INTEROP_SKIP}`, () => {
  const validate = () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(fs.readFileSync(interopFile('csl-schema', 'csl-data.json'), 'utf8')) as object);
  };

  it('validates every entry we write', () => {
    const check = validate();
    const items = JSON.parse(formatCslJson(SOURCES.map(toCslItem))) as unknown;
    expect(check(items), JSON.stringify(check.errors, null, 2)).toBe(true);
  });

  it('rejects what breaks the schema, so the check above can fail', () => {
    const check = validate();
    expect(check([{ id: 'x', type: 'newspaper-article', title: 'Wrong type' }])).toBe(false);
    expect(check([{ id: 'x', type: 'article-newspaper', issued: { 'date-parts': [['2023', 'January']] }, author: 'Hasanova' }])).toBe(false);
  });
});

describe.skipIf(!hasBiber)(`BibTeX by biber's data model validation${hasBiber ? '' : ' [SKIPPED: biber is not on PATH; apt-get install biber]'}`, () => {
  function biberValidate(bib: string): string[] {
    const name = `check-${Math.random().toString(36).slice(2)}.bib`;
    fs.writeFileSync(path.join(dir, name), bib);
    // Run in the folder with the bare name: biber puts its log and its output copy beside the file.
    const result = spawnSync('biber', ['--tool', '--validate-datamodel', name], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const log = `${result.stdout}\n${result.stderr}`;
    if (result.status !== 0 && !/WARN|ERROR/.test(log)) throw new Error(`biber failed (${result.status}): ${log}`);
    return log.split('\n').filter((line) => /^(WARN|ERROR)/.test(line));
  }

  it('finds no data model warnings or errors in what we write, but for fields the source does not have', () => {
    const complete = SOURCES.filter((item) => item.author && item.outlet && item.publishedAt);
    expect(complete.length).toBeGreaterThanOrEqual(3);
    expect(biberValidate(formatBibtex(complete.map(toCslItem)))).toEqual([]);
    // An undated article without a byline or outlet is written without them, not with invented
    // ones: biber names exactly those fields as missing, and finds nothing else wrong.
    const problems = biberValidate(formatBibtex(SOURCES.map(toCslItem)));
    expect(problems.every((line) => /^WARN - Datamodel: Entry '(anon|reuters2023)' .*Missing mandatory field/.test(line)), problems.join('\n')).toBe(true);
  });

  it('reports a broken entry, so the check above can fail', () => {
    expect(biberValidate('@article{bad,\n  title = {A},\n  date = {2023-13-45},\n  notafield = {x},\n}\n').length).toBeGreaterThan(0);
  });
});
