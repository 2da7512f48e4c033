import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../shared/search/parseQuery';
import { highlightSearchQuery } from './highlightSearchQuery';

describe('highlightSearchQuery', () => {
  it('searches highlights only, each word quoted, the word being typed as a prefix', () => {
    expect(highlightSearchQuery('peskov tol')).toBe('type:highlight "peskov" "tol"*');
    expect(highlightSearchQuery('peskov told ')).toBe('type:highlight "peskov" "told"');
  });

  it('reads nothing typed as an operator or a field', () => {
    const query = highlightSearchQuery('Baku OR -Yerevan outlet:x "half');
    expect(query).toBe('type:highlight "Baku" "OR" "-Yerevan" "outlet:x" "half"*');
    const parsed = parseQuery(query!);
    expect(parsed.warning).toBeNull();
    expect(parsed.types).toEqual(['highlight']);
    expect(parsed.excluded).toEqual([]);
    expect(parsed.groups.map((group) => group.map((term) => [term.text, term.field]))).toEqual([
      [['Baku', null]],
      [['OR', null]],
      [['-Yerevan', null]],
      [['outlet:x', null]],
      [['half', null]],
    ]);
  });

  it('keeps letters of every script and the hyphens and apostrophes inside names', () => {
    expect(highlightSearchQuery('Nagorno-Karabakh Лачин')).toBe('type:highlight "Nagorno-Karabakh" "Лачин"*');
    expect(highlightSearchQuery("qəzeti'nin")).toBe(`type:highlight "qəzeti'nin"*`);
  });

  it('waits for two letters: one would match every passage', () => {
    expect(highlightSearchQuery('')).toBeNull();
    expect(highlightSearchQuery('p')).toBeNull();
    expect(highlightSearchQuery(' - " * ')).toBeNull();
    expect(highlightSearchQuery('pe')).toBe('type:highlight "pe"*');
  });
});
