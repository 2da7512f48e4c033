export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface TooltipPlace {
  left: number;
  top: number;
  /** True when it opens below its anchor (no room above). */
  below: boolean;
}

const GAP = 6;

/**
 * Where a tooltip of `tip`'s size goes for an anchor at `anchor` (both in viewport pixels), so it
 * stays inside a viewport of `viewport`'s size with `margin` to spare: above the anchor, starting
 * at its left edge, moved left or right to fit (issue 16: it was cut off on the left, then on the
 * right), and below the anchor when there is no room above. A tooltip wider than the viewport
 * starts at the margin (its max-width keeps that from happening).
 */
export function placeTooltip(anchor: Box, tip: { width: number; height: number }, viewport: { width: number; height: number }, margin = 8): TooltipPlace {
  const left = Math.max(margin, Math.min(anchor.left, viewport.width - margin - tip.width));
  const above = anchor.top - GAP - tip.height;
  const belowTop = anchor.top + anchor.height + GAP;
  const below = above < margin && belowTop + tip.height <= viewport.height - margin;
  // No room either way: whichever side has more, clamped inside.
  const roomAbove = anchor.top - GAP - margin;
  const roomBelow = viewport.height - margin - belowTop;
  const opensBelow = below || (above < margin && roomBelow > roomAbove);
  const top = opensBelow ? belowTop : Math.max(margin, above);
  return { left: Math.round(left), top: Math.round(top), below: opensBelow };
}
