import type { HighlightColor } from '../../../../shared/domain/highlight';
import { HIGHLIGHT_COLORS } from '../../../../shared/domain/highlight';

/** The colour names as the UI says them (the library stores the lower-case keys). */
export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  red: 'Red',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
};

export const parseColor = (value: string): HighlightColor | undefined => (HIGHLIGHT_COLORS as readonly string[]).includes(value) ? (value as HighlightColor) : undefined;
