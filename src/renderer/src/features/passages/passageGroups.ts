import type { Passage } from '../../../../shared/domain/compare';

export type PassageGrouping = 'none' | 'outlet' | 'country' | 'code';

export type PassageLine = { kind: 'group'; label: string; count: number } | { kind: 'passage'; passage: Passage };

const groupOf = (passage: Passage, grouping: 'outlet' | 'country') => (grouping === 'outlet' ? (passage.outlet ?? '(no outlet)') : (passage.country ?? '(no country)'));

/**
 * The table's lines: passages, with a heading line before each group. By outlet or country the
 * rows arrive sorted that way, so a group is a run; by code a passage is listed under each of its codes.
 */
export function passageLines(passages: readonly Passage[], grouping: PassageGrouping): PassageLine[] {
  if (grouping === 'none') return passages.map((passage) => ({ kind: 'passage', passage }));
  const groups = new Map<string, Passage[]>();
  for (const passage of passages) {
    const labels = grouping === 'code' ? (passage.codes.length > 0 ? passage.codes : ['(no code)']) : [groupOf(passage, grouping)];
    for (const label of labels) {
      const list = groups.get(label) ?? [];
      list.push(passage);
      groups.set(label, list);
    }
  }
  const labels = [...groups.keys()];
  if (grouping === 'code') labels.sort((a, b) => Number(a === '(no code)') - Number(b === '(no code)') || a.localeCompare(b));
  return labels.flatMap((label) => [{ kind: 'group' as const, label, count: groups.get(label)!.length }, ...groups.get(label)!.map((passage) => ({ kind: 'passage' as const, passage }))]);
}
