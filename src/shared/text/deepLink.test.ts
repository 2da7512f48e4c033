import { describe, expect, it } from 'vitest';
import { parseDeepLink, sourceDeepLink } from './deepLink';

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
});
