import type { QuoteMode } from '../../../../shared/domain/translation';
import { QUOTE_MODES } from '../../../../shared/domain/translation';
import { usePersistentState } from '../../hooks/usePersistentState';
import './export.css';

const LABELS: Record<QuoteMode, string> = {
  both: 'Original [translation]',
  original: 'Original only',
  translation: 'Translation only',
};

const parseQuoteMode = (stored: string): QuoteMode | undefined => (QUOTE_MODES as readonly string[]).includes(stored) ? (stored as QuoteMode) : undefined;

const STORAGE_KEY = 'exportQuotes';

/** How exports write a quote that has a translation (issue 14): one choice, remembered, for every export. */
export function useQuoteMode(): [QuoteMode, (mode: QuoteMode) => void] {
  return usePersistentState<QuoteMode>(STORAGE_KEY, 'both', parseQuoteMode);
}

/** The choice as it is stored now (for "Quote in note", which writes a quote as the export would). */
export function storedQuoteMode(): QuoteMode {
  try {
    return parseQuoteMode(window.localStorage.getItem(`marginalia.${STORAGE_KEY}`) ?? '') ?? 'both';
  } catch {
    return 'both';
  }
}

/** The choice as a labelled select: the note's export options, the highlights export and Passages use it. */
export function QuoteModeField({ value, onChange, disabled }: { value: QuoteMode; onChange: (mode: QuoteMode) => void; disabled?: boolean }) {
  return (
    <label className="field-inline quote-mode-field">
      <span>Translated quotes</span>
      <select className="select export-style" value={value} disabled={disabled} onChange={(event) => onChange(event.currentTarget.value as QuoteMode)}>
        {(['both', 'original', 'translation'] as const).map((mode) => (
          <option key={mode} value={mode}>
            {LABELS[mode]}
          </option>
        ))}
      </select>
    </label>
  );
}
