/**
 * The language of an article that does not declare one, as an ISO 639-1 code, or null when the
 * text is too short or too mixed to tell (a wrong language is worse than none: it sets the
 * reader's hyphenation and the bibliography's casing).
 *
 * Nito-ELD (`eld`), chosen by evidence (issue 14): on the five seed articles and 30 short texts
 * (headlines and one-line sentences, 6 each in English, Russian, Armenian, Azerbaijani, Urdu) it
 * got 5/5 and 30/30, where cld3-asm got 25/30 (Urdu read as Persian, English as Finnish), tinyld
 * 23/30 (every Azerbaijani text read as Turkish or Tatar), franc 19/30 and franc-min 14/30 (no
 * Armenian at all). Its "small" database is as accurate as "large" on these texts at a third of
 * the size; it also tells Arabic, Persian and Hebrew apart (8/8 on short texts).
 *
 * Loaded on the first article that needs it (0.1 s for its 1.6 MB of n-grams): a folder whose
 * files declare their language never loads it. The parse worker hears when it loads
 * (whenDetectorLoads) and stops the file's clock meanwhile, so the loading is not counted against
 * its time limit.
 */
const SAMPLE_CHARACTERS = 4000;

type Detector = (typeof import('eld/small'))['eld'];
let detector: Promise<Detector> | null = null;

let onLoading: ((loading: boolean) => void) | null = null;

/** Calls `listener` with true when the detector starts loading and with false when it is done (the parse worker's; one listener). */
export function whenDetectorLoads(listener: (loading: boolean) => void): void {
  onLoading = listener;
}

function loadLanguageDetector(): Promise<Detector> {
  if (detector === null) {
    onLoading?.(true);
    detector = import('eld/small').then(
      (module) => module.eld,
      (error: unknown) => {
        detector = null;
        throw error;
      },
    );
    void detector.finally(() => onLoading?.(false)).catch(() => undefined);
  }
  return detector;
}

export async function detectLanguage(text: string): Promise<string | null> {
  const sample = text.slice(0, SAMPLE_CHARACTERS).trim();
  if (sample === '') return null;
  const result = (await loadLanguageDetector()).detect(sample);
  return result.language !== '' && result.isReliable() ? result.language : null;
}
