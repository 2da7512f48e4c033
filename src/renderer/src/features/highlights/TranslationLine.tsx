import type { HighlightTranslation } from '../../../../shared/domain/translation';
import { describeTranslation } from '../../../../shared/domain/translation';
import './translation.css';

/** A quote's translation under it, in brackets as exports write it, with its language and origin (issue 14). */
export function TranslationLine({ translation, className = 'quote-translation' }: { translation: HighlightTranslation; className?: string }) {
  return (
    <p className={className}>
      <span lang={translation.language}>[{translation.text}]</span> <span className="quote-translation-origin">({describeTranslation(translation)})</span>
    </p>
  );
}
