import { describe, expect, it } from 'vitest';
import type { Source } from '../../../../shared/domain/source';
import { buildPatch, fieldErrors, toFormValues } from './metadataForm';

const source: Source = {
  id: 1,
  title: 'Blockade enters its second month',
  outlet: 'AzerNews',
  author: null,
  publishedAt: '2023-01-11',
  url: null,
  language: 'en',
  citekey: 'azernews2023',
  body: 'Text.',
  fileName: 'a.txt',
  sha256: 'x',
  importedAt: '2024-01-01T00:00:00.000Z',
  titleDerived: false,
  citekeyPinned: false,
};

describe('buildPatch', () => {
  it('sends nothing when nothing changed, even with stray spaces', () => {
    expect(buildPatch(source, { ...toFormValues(source), outlet: ' AzerNews ' })).toEqual({});
  });

  it('sends only changed fields, trimmed', () => {
    expect(buildPatch(source, { ...toFormValues(source), outlet: ' Azernews.az ', author: 'Fatima Hasanova' })).toEqual({ outlet: 'Azernews.az', author: 'Fatima Hasanova' });
  });

  it('sends null for an emptied optional field', () => {
    expect(buildPatch(source, { ...toFormValues(source), publishedAt: '', language: '  ' })).toEqual({ publishedAt: null, language: null });
  });

  it('sends an emptied title as typed, so the library refuses it with its reason', () => {
    expect(buildPatch(source, { ...toFormValues(source), title: '' })).toEqual({ title: '' });
  });
});

describe('buildPatch and the citekey choice (issue 14)', () => {
  const pinned: Source = { ...source, citekey: 'mykey', citekeyPinned: true };

  it('sends citekeyPinned false, and no key, to generate a pinned key from the details', () => {
    expect(buildPatch(pinned, { ...toFormValues(pinned), citekey: 'shown-preview' }, false)).toEqual({ citekeyPinned: false });
  });

  it('sends citekeyPinned true to keep a generated key as it is, and the key alone when it was edited', () => {
    expect(buildPatch(source, toFormValues(source), true)).toEqual({ citekeyPinned: true });
    expect(buildPatch(source, { ...toFormValues(source), citekey: 'typed2023' }, true)).toEqual({ citekey: 'typed2023' });
  });

  it('sends no choice when it did not change', () => {
    expect(buildPatch(pinned, { ...toFormValues(pinned), outlet: 'Report.az' }, true)).toEqual({ outlet: 'Report.az' });
    expect(buildPatch(source, { ...toFormValues(source), outlet: 'Report.az' }, false)).toEqual({ outlet: 'Report.az' });
  });
});

describe('fieldErrors', () => {
  it('names the fields at fault with the schema’s messages', () => {
    const errors = fieldErrors({ publishedAt: '11/01/2023', url: 'example.com', title: '' });
    expect(errors.publishedAt).toBe('Use the form YYYY-MM-DD');
    expect(errors.url).toBe('A URL must start with http:// or https://');
    expect(errors.title).toBe('A title cannot be empty');
    expect(errors.outlet).toBeUndefined();
  });

  it('says a length limit in words', () => {
    expect(fieldErrors({ outlet: 'x'.repeat(201) })).toEqual({ outlet: 'Shorten it to at most 200 characters' });
  });

  it('finds nothing wrong with a valid patch', () => {
    expect(fieldErrors({ publishedAt: '2023-02-24', url: 'https://example.com', outlet: null })).toEqual({});
  });
});
