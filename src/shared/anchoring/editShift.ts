import type { TextPositionSelector } from './anchor';

/**
 * Where an old offset most likely is in the new text, assuming one contiguous edit: the longest
 * common start and end of the two texts are untouched, so offsets before the edit stay and those
 * after it shift by the change in length. Offsets inside the edited stretch keep their value
 * (there is no better guess). Re-anchoring uses this as the expected position, so after a typical
 * correction almost every highlight is confirmed in place without any search.
 */
export function editShift(before: string, after: string): (position: TextPositionSelector) => TextPositionSelector {
  const shortest = Math.min(before.length, after.length);
  let common = 0;
  while (common < shortest && before.charCodeAt(common) === after.charCodeAt(common)) common++;
  let commonEnd = 0;
  while (commonEnd < shortest - common && before.charCodeAt(before.length - 1 - commonEnd) === after.charCodeAt(after.length - 1 - commonEnd)) commonEnd++;
  const editEnd = before.length - commonEnd;
  const delta = after.length - before.length;
  const shift = (offset: number) => (offset <= common ? offset : offset >= editEnd ? offset + delta : offset);
  return ({ start, end }) => ({ start: shift(start), end: shift(end) });
}
