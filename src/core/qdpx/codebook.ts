import { codeGuid } from './guids';

/**
 * The library's tags as a REFI-QDA codebook. A `/` in a tag's name is its place in the hierarchy:
 * `framing/blockade-denial` is the code "blockade-denial" under the code "framing". A parent that
 * is no tag of its own is written as a code that cannot be applied (`isCodable="false"`), the
 * grouping QDA tools show as a folder.
 */

/** What the codebook knows of a tag: today its name; colours and descriptions come with the codes table. */
export interface TagInfo {
  name: string;
  color?: string | null;
  description?: string | null;
}

/** One code of the codebook, as written to `<Code>`. */
export interface QdaCode {
  guid: string;
  /** The last segment of the tag's path. */
  name: string;
  /** The whole path, `framing/blockade-denial`: the tag name it comes from or goes back to. */
  path: string;
  isCodable: boolean;
  /** `#RRGGBB`, as the schema's RGBType wants it; none when unknown. */
  color: string | null;
  description: string | null;
  children: QdaCode[];
}

const RGB = /^#[0-9A-Fa-f]{6}$/;

/** The path segments of a tag name: split at `/`, each trimmed, empty ones dropped. */
export const tagPath = (name: string): string[] =>
  name
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * The one place a tag becomes a code: its GUID (stable across exports), its name, colour and
 * description. The integrator feeds colours and descriptions through TagInfo once codes have them.
 */
export function tagToCode(tag: TagInfo): QdaCode {
  const path = tagPath(tag.name);
  const full = path.join('/');
  return {
    guid: codeGuid(full),
    name: path.at(-1) ?? tag.name,
    path: full,
    isCodable: true,
    color: tag.color && RGB.test(tag.color) ? tag.color.toUpperCase() : null,
    description: tag.description?.trim() ? tag.description.trim() : null,
    children: [],
  };
}

/** The codebook's top-level codes, parents before children, siblings by name. */
export function buildCodebook(tags: readonly TagInfo[]): QdaCode[] {
  const byPath = new Map<string, QdaCode>();
  const roots: QdaCode[] = [];
  const place = (code: QdaCode) => {
    const parentPath = tagPath(code.path).slice(0, -1).join('/');
    if (parentPath === '') roots.push(code);
    else ensure(parentPath).children.push(code);
  };
  const ensure = (path: string): QdaCode => {
    const existing = byPath.get(path);
    if (existing) return existing;
    const code = { ...tagToCode({ name: path }), isCodable: false };
    byPath.set(path, code);
    place(code);
    return code;
  };
  for (const tag of tags) {
    const code = tagToCode(tag);
    if (code.path === '') continue;
    const placeholder = byPath.get(code.path);
    if (placeholder) {
      // The tag itself, after a child of it made a placeholder: the placeholder becomes the tag.
      Object.assign(placeholder, { ...code, children: placeholder.children });
      continue;
    }
    byPath.set(code.path, code);
    place(code);
  }
  const sort = (codes: QdaCode[]) => {
    codes.sort((a, b) => a.name.localeCompare(b.name));
    codes.forEach((code) => sort(code.children));
  };
  sort(roots);
  return roots;
}

/** Every code of a codebook, depth first. */
export function allCodes(codes: readonly QdaCode[]): QdaCode[] {
  return codes.flatMap((code) => [code, ...allCodes(code.children)]);
}
