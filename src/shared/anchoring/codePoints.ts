/**
 * Conversions between the UTF-16 offsets Marginalia stores and the Unicode code point offsets
 * the W3C Web Annotation model requires for TextPositionSelector ("in terms of unicode code
 * points, not in terms of code units"). They differ only after characters outside the Basic
 * Multilingual Plane (emoji, some CJK), which take two code units each.
 */
export interface OffsetConverter {
  toCodePoints(utf16Offset: number): number;
  /** The UTF-16 offset of a code point offset, clamped to the end of the text. */
  toUtf16(codePointOffset: number): number;
}

/** Builds both tables once per body, so converting a thousand highlights stays linear. */
export function offsetConverter(text: string): OffsetConverter {
  const unitToPoint = new Int32Array(text.length + 1);
  const pointToUnit: number[] = [];
  let points = 0;
  for (let unit = 0; unit < text.length; unit++) {
    const code = text.charCodeAt(unit);
    const isSecondHalf = code >= 0xdc00 && code <= 0xdfff && unit > 0 && text.charCodeAt(unit - 1) >= 0xd800 && text.charCodeAt(unit - 1) <= 0xdbff;
    if (isSecondHalf) {
      unitToPoint[unit] = points;
      continue;
    }
    pointToUnit.push(unit);
    unitToPoint[unit] = points;
    points++;
  }
  unitToPoint[text.length] = points;
  pointToUnit.push(text.length);
  return {
    toCodePoints: (offset) => unitToPoint[Math.max(0, Math.min(text.length, offset))]!,
    toUtf16: (offset) => pointToUnit[Math.max(0, Math.min(pointToUnit.length - 1, offset))]!,
  };
}
