import { describe, expect, it } from 'vitest';
import type { Timeline, TimelineMark } from '../../../../shared/domain/compare';
import { codeColors, markLabel, markStripes, markTitle } from './TimelineLanes';

/** A timeline's codes: each named once, the marks referring to them by index. */
const codes: Timeline['codes'] = [
  { name: 'actors/army', color: null },
  { name: 'framing/denial', color: '#aa0000' },
];
const cluster: TimelineMark = { from: '2023-01-02', to: '2023-01-09', sourceCount: 1200, passageCount: 7, codes: [[1, 5], [0, 2]], source: null };
const single: TimelineMark = { from: '2023-01-20', to: '2023-01-20', sourceCount: 1, passageCount: 2, codes: [[0, 2]], source: { id: 4, title: 'Peskov on Karabakh', publishedAt: '2023-01-20' } };

describe('a timeline mark as the page names and colours it', () => {
  it("names a mark of several sources by its counts and dates, and its hover adds its codes' passages by name", () => {
    expect(markLabel(cluster, 'TASS', codes)).toBe('1,200 sources, 7 passages from TASS, 2023-01-02 to 2023-01-09: show these dates');
    expect(markTitle(cluster, 'TASS', codes)).toBe('1,200 sources, 7 passages from TASS, 2023-01-02 to 2023-01-09: show these dates\nframing/denial (5), actors/army (2)');
    expect(markLabel({ ...cluster, to: cluster.from }, 'TASS', codes)).toMatch(/, 2023-01-02: show their passages$/);
  });

  it('names a lone source by its title, date and codes, and hovering it says the same', () => {
    expect(markLabel(single, 'TASS', codes)).toBe('Peskov on Karabakh, 2023-01-20, coded actors/army');
    expect(markTitle(single, 'TASS', codes)).toBe(markLabel(single, 'TASS', codes));
  });

  it("colours a mark's bands by its codes' index: the codebook's colour, else a hue from the name; a passage without a code grey", () => {
    const colors = codeColors(codes);
    expect(colors[1]).toBe('#aa0000');
    expect(colors[0]).toMatch(/^hsl\(\d+ 60% 45%\)$/);
    expect(markStripes(cluster, 3, colors, 'across')).toBe(`linear-gradient(to right, #aa0000 0.00% 50.00%, ${colors[0]} 50.00% 100.00%)`);
    expect(markStripes(cluster, 1, colors, 'down')).toBe('linear-gradient(to bottom, #aa0000 0.00% 100.00%)');
    expect(markStripes({ ...cluster, codes: [] }, 3, colors, 'across')).toBe('linear-gradient(to right, #999 0.00% 100.00%)');
    expect(markStripes({ ...cluster, codes: [], passageCount: 0 }, 3, colors, 'across')).toBeNull();
  });
});
