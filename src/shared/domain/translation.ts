import { z } from 'zod';

/**
 * A translation kept beside a highlighted quote (issue 14, item 4): its words, their language
 * (ISO 639-1) and who made it: the researcher (`tool` null) or a named tool it was pasted from
 * ("DeepL"). Export writes the quote, the translation, or the quote followed by its translation in
 * brackets (`QuoteMode`).
 */
export const TRANSLATION_MAX_LENGTH = 20_000;
export const TRANSLATION_TOOL_MAX_LENGTH = 64;

const displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** An ISO 639-1 code the platform's language data knows ("az", not "zz"); lower case. */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && displayNames.of(code) !== code;
}

/** "Azerbaijani" for "az", in the given UI locale; the code itself when unknown. */
export function languageName(code: string, locale = 'en'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const TranslationLanguage = z
  .string()
  .transform((code) => code.trim().toLowerCase())
  .refine(isLanguageCode, 'A translation language is a two-letter ISO 639-1 code, such as "en" or "ru"');

const tidy = (text: string) => text.normalize('NFC').trim();

export const HighlightTranslation = z.object({
  text: z
    .string()
    .transform(tidy)
    .pipe(z.string().min(1, 'A translation cannot be empty; remove it instead').max(TRANSLATION_MAX_LENGTH, `A translation has at most ${TRANSLATION_MAX_LENGTH} characters`)),
  language: TranslationLanguage,
  /** null: the researcher translated it; else the tool it was pasted from. An empty name means null. */
  tool: z
    .string()
    .transform(tidy)
    .pipe(z.string().max(TRANSLATION_TOOL_MAX_LENGTH, `A tool's name has at most ${TRANSLATION_TOOL_MAX_LENGTH} characters`))
    .nullable()
    .transform((tool) => (tool === '' ? null : tool)),
});
export type HighlightTranslation = z.output<typeof HighlightTranslation>;

/** Who made a translation, as the UI and the CLI say it. */
export function translationOrigin(translation: HighlightTranslation): string {
  return translation.tool === null ? 'the researcher' : translation.tool;
}

/** "English, by the researcher" / "English, from DeepL" */
export function describeTranslation(translation: HighlightTranslation, locale = 'en'): string {
  const language = languageName(translation.language, locale);
  return translation.tool === null ? `${language}, by the researcher` : `${language}, from ${translation.tool}`;
}

/** What an export writes for a quote that has a translation. */
export const QUOTE_MODES = ['original', 'translation', 'both'] as const;
export const QuoteMode = z.enum(QUOTE_MODES);
export type QuoteMode = z.infer<typeof QuoteMode>;

/**
 * The words an export quotes, before any quotation marks: `original` the quote, `translation` its
 * translation (the quote itself when it has none: a passage is never exported empty), `both` the
 * quote then the translation in square brackets.
 */
export interface QuotedWords {
  quote: string;
  /** Written after the quote in brackets; null when there is none or the mode leaves it out. */
  bracketed: string | null;
}

export function quotedWords(exact: string, translation: string | null, mode: QuoteMode): QuotedWords {
  if (translation === null || mode === 'original') return { quote: exact, bracketed: null };
  if (mode === 'translation') return { quote: translation, bracketed: null };
  return { quote: exact, bracketed: translation };
}
