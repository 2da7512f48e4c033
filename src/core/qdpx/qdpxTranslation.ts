import type { HighlightTranslation } from '../../shared/domain/translation';
import { describeTranslation, HighlightTranslation as TranslationSchema } from '../../shared/domain/translation';

/**
 * A highlight's translation in a REFI-QDA project (issue 14). The standard has no field for one;
 * a selection's `<Description>` is free text about the passage, so the translation goes there,
 * labelled with its language code and origin so a reader of the project knows what it is:
 *
 *   Translation [en] (English, from DeepL):
 *   The ecological protest on the Lachin road continues
 *
 * Our importer reads that label back as the highlight's translation; any other description is
 * read as a comment, as before.
 */
export function translationDescription(translation: HighlightTranslation): string {
  return `Translation [${translation.language}] (${describeTranslation(translation)}):\n${translation.text}`;
}

const LABELLED = /^Translation \[([a-z]{2})\] \(.*?, (?:by the researcher|from (.+?))\):\n([\s\S]+)$/u;

/** The translation a `<Description>` holds, when it is labelled as translationDescription writes it; else null. */
export function parseTranslationDescription(description: string): HighlightTranslation | null {
  const match = LABELLED.exec(description.trim());
  if (!match) return null;
  const parsed = TranslationSchema.safeParse({ language: match[1], tool: match[2] ?? null, text: match[3] });
  return parsed.success ? parsed.data : null;
}
