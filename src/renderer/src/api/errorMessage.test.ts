import { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { SourceMetadataPatch } from '../../../shared/domain/source';
import { errorMessage } from './errorMessage';

// What src/core/dispatch.ts answers to a request its schema refuses.
function refusedByDispatch(): ApiError {
  const parsed = z.object({ id: z.number(), patch: SourceMetadataPatch }).safeParse({ id: 1, patch: { publishedAt: '2023-02-30' } });
  if (parsed.success) throw new Error('the date should have been refused');
  return new ApiError('invalid_request', `Invalid request for updateSource: ${z.prettifyError(parsed.error)}`);
}

describe('errorMessage', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterEach(() => warn.mockClear());

  it('keeps schema paths and operation names off the screen, and in the log', () => {
    const error = refusedByDispatch();
    expect(error.message).toContain('patch.publishedAt');
    const shown = errorMessage(error, 'save the details');
    expect(shown).toBe('Could not save the details: Marginalia did not accept what was sent. Check what you typed and try again.');
    expect(shown).not.toMatch(/updateSource|publishedAt|✖/);
    expect(warn).toHaveBeenCalledWith('marginalia: could not save the details:', error);
  });

  it('keeps the sentence for a person before a schema report, and drops the report', () => {
    const error = new ApiError('invalid_request', 'annotations.json is not W3C Web Annotation JSON-LD that Marginalia can read: ✖ Invalid input\n  → at [0].target');
    expect(errorMessage(error, 'import annotations.json')).toBe('annotations.json is not W3C Web Annotation JSON-LD that Marginalia can read.');
  });

  it('says an internal failure in words, not "updateSource failed: SQLITE_…"', () => {
    const shown = errorMessage(new ApiError('internal', 'updateSource failed: SQLITE_CONSTRAINT: NOT NULL constraint failed: sources.title'), 'save the details');
    expect(shown).toMatch(/^Could not save the details: something went wrong inside Marginalia/);
    expect(shown).not.toMatch(/SQLITE|updateSource/);
  });

  it('passes the library’s own messages through', () => {
    expect(errorMessage(new ApiError('not_found', 'Source 4 was not found. It may have been deleted; reload the library.'), 'open this source')).toBe(
      'Source 4 was not found. It may have been deleted; reload the library.',
    );
    expect(errorMessage(new ApiError('invalid_request', 'A tag cannot be empty. Type a word or two.'), 'tag')).toBe('A tag cannot be empty. Type a word or two.');
  });

  it('turns a bug in the window into words, but keeps what a file system error says', () => {
    expect(errorMessage(new TypeError("Cannot read properties of undefined (reading 'id')"), 'open the note')).not.toMatch(/undefined|reading/);
    expect(errorMessage(new Error('The file could not be read.'), 'read what was dropped')).toBe('Could not read what was dropped: The file could not be read.');
  });
});
