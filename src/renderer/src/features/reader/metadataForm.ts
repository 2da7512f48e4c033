import type { Source } from '../../../../shared/domain/source';
import { SourceMetadataPatch } from '../../../../shared/domain/source';

/** The typed fields (the citekey's pinned state is a choice beside them, not a field). */
export type FieldKey = Exclude<keyof SourceMetadataPatch, 'citekeyPinned'>;
export type FormValues = Record<FieldKey, string>;

export interface FieldSpec {
  key: FieldKey;
  label: string;
  hint?: string;
  /** Fields that cannot be emptied: sent as typed, so the library explains why empty is refused. */
  required?: boolean;
  type?: 'text' | 'url';
  wide?: boolean;
}

export const FIELDS: readonly FieldSpec[] = [
  { key: 'title', label: 'Title', required: true, wide: true },
  { key: 'outlet', label: 'Outlet' },
  { key: 'author', label: 'Author' },
  { key: 'publishedAt', label: 'Published date', hint: 'YYYY-MM-DD, as the article gives it' },
  { key: 'language', label: 'Language', hint: 'A language code, such as en, ru or hy' },
  { key: 'url', label: 'URL', type: 'url', wide: true },
  { key: 'citekey', label: 'Citekey', required: true, hint: 'How notes and exports cite this source: made from the author (or outlet), year and first title word, or kept as you type it' },
];

export function toFormValues(source: Source): FormValues {
  return {
    title: source.title,
    outlet: source.outlet ?? '',
    author: source.author ?? '',
    publishedAt: source.publishedAt ?? '',
    url: source.url ?? '',
    language: source.language ?? '',
    citekey: source.citekey,
  };
}

/**
 * The fields the user changed, as the contract wants them: trimmed, and null for an emptied
 * optional field. An empty form means nothing to save.
 */
export function buildPatch(source: Source, values: FormValues, citekeyPinned: boolean = source.citekeyPinned): SourceMetadataPatch {
  const original = toFormValues(source);
  const patch: Record<string, string | boolean | null> = {};
  for (const field of FIELDS) {
    const value = values[field.key].trim();
    if (value === original[field.key].trim()) continue;
    patch[field.key] = value === '' && !field.required ? null : value;
  }
  // A typed key is pinned by the library; "Generate the key from the details" sends the choice and no key.
  if (!citekeyPinned) delete patch.citekey;
  if (citekeyPinned !== source.citekeyPinned && patch.citekey === undefined) patch.citekeyPinned = citekeyPinned;
  return patch as SourceMetadataPatch;
}

/** Per-field messages from the same schema the library validates with, to mark the fields at fault. */
export function fieldErrors(patch: SourceMetadataPatch): Partial<Record<FieldKey, string>> {
  const result = SourceMetadataPatch.safeParse(patch);
  if (result.success) return {};
  const errors: Partial<Record<FieldKey, string>> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0] as FieldKey | undefined;
    // zod's own wording for a length limit ("Too big: expected string to have <=500 characters") is a developer's.
    if (key && !errors[key]) errors[key] = issue.code === 'too_big' ? `Shorten it to at most ${String(issue.maximum)} characters` : issue.message;
  }
  return errors;
}
