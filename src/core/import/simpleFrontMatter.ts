/**
 * A fast path for the front matter nearly every Markdown export writes: one `key: value` per line,
 * each value a double- or single-quoted string or a plain word-like scalar. The `yaml` library's
 * full parser took about a quarter of a whole-process import of 3,000 Markdown files (70 µs a file
 * for five lines), so lines whose YAML meaning is beyond doubt are read here, and ANYTHING else
 * (comments, lists, block scalars, numbers, null, booleans, repeated keys, tabs, odd characters)
 * returns null so that the caller parses the whole block with `yaml`. Checked against `yaml` on
 * every case in simpleFrontMatter.test.ts: it returns null or exactly what `yaml` returns.
 */

const LINE = /^([A-Za-z][A-Za-z0-9_]*): +(\S(?:.*\S)?)$/;
const DOUBLE_QUOTED = /^"(?:[^"\\\p{Cc}]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/u;
const SINGLE_QUOTED = /^'(?:[^'\p{Cc}]|'')*'$/u;
// Starts with a letter or digit; no control characters (and, checked below, no ` #` comment and no `: ` mapping).
const PLAIN = /^[\p{L}\p{N}][^\p{Cc}\uFEFF]*$/u;
// YAML 1.2 core schema: these plain scalars are not strings.
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function scalar(value: string): string | null {
  if (value.startsWith('"')) return DOUBLE_QUOTED.test(value) ? (JSON.parse(value) as string) : null;
  if (value.startsWith("'")) return SINGLE_QUOTED.test(value) ? value.slice(1, -1).replaceAll("''", "'") : null;
  if (!PLAIN.test(value) || value.includes(' #') || value.includes(': ') || value.endsWith(':') || NOT_A_STRING.test(value)) return null;
  // A plain scalar starting with a digit may be a number (1e3, 0x1F, 007); a date written YYYY-MM-DD is a string.
  if (/^\p{N}/u.test(value) && !CALENDAR_DATE.test(value)) return null;
  return value;
}

/** The fields of simple front matter, or null when only a YAML parser can say what it means. */
export function simpleFrontMatter(yaml: string): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const line of yaml.split('\n')) {
    const match = LINE.exec(line);
    if (!match) return null;
    const [, key, raw] = match as unknown as [string, string, string];
    if (Object.hasOwn(fields, key)) return null;
    const value = scalar(raw);
    if (value === null) return null;
    fields[key] = value;
  }
  return fields;
}
