import { describe, expect, it } from 'vitest';
import { parseDeepLink, parseLibraryLink, sourceDeepLink } from './deepLink';

describe('deep links', () => {
  it('names the source, and the passage when there is one', () => {
    expect(sourceDeepLink(3)).toBe('marginalia://source/3');
    expect(sourceDeepLink(3, 12)).toBe('marginalia://source/3?highlight=12');
  });

  it('reads back what it writes', () => {
    expect(parseDeepLink(sourceDeepLink(3, 12))).toEqual({ sourceId: 3, highlightId: 12 });
    expect(parseDeepLink(sourceDeepLink(7))).toEqual({ sourceId: 7, highlightId: null });
  });

  it('refuses anything else', () => {
    for (const url of ['marginalia://source/0', 'marginalia://source/3?highlight=0', 'marginalia://note/3', 'https://source/3', 'marginalia://source/3?highlight=x', 'marginalia://source/3/../../etc']) {
      expect(parseDeepLink(url)).toBeNull();
    }
  });

  it('reads every library link a note may hold; a highlight IRI names no source, so it is no deep link', () => {
    expect(parseLibraryLink('marginalia://source/3')).toEqual({ sourceId: 3, highlightId: null });
    expect(parseLibraryLink('marginalia://source/3?highlight=12')).toEqual({ sourceId: 3, highlightId: 12 });
    expect(parseLibraryLink('marginalia://highlight/12')).toEqual({ sourceId: null, highlightId: 12 });
    expect(parseDeepLink('marginalia://highlight/12')).toBeNull();
    for (const url of ['marginalia://note/1', 'marginalia://source/0', 'marginalia://highlight/0', 'marginalia://highlight/1?x']) expect(parseLibraryLink(url)).toBeNull();
  });
});
