/**
 * The little XML the `.qde` file needs, written here rather than by a library: elements with
 * attributes and text, in the schema's order, escaped as XML 1.0 requires. Characters XML 1.0
 * cannot hold at all (most C0 controls, lone surrogates) are dropped, since no escape exists.
 */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const escapeText = (text: string): string =>
  text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const escapeAttribute = (text: string): string =>
  escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

export type Attributes = Record<string, string | number | boolean | null | undefined>;

/** `<name a="1">children</name>`, or `<name a="1"/>` without children; null attributes are left out. */
export function element(name: string, attributes: Attributes, children: readonly string[] = []): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
}

/** `<name>text</name>`, for the schema's string elements (Description, PlainTextContent, TextValue…). */
export const textElement = (name: string, text: string): string => `<${name}>${escapeText(text)}</${name}>`;
