import { useEffect, useId, useState } from 'react';
import type { HighlightTranslation } from '../../../../shared/domain/translation';
import { HighlightTranslation as TranslationSchema, languageName } from '../../../../shared/domain/translation';
import './translation.css';

/** The languages offered first: English, then the sample library's and their neighbours'. Any ISO 639-1 code the platform knows is accepted. */
const LANGUAGES = ['en', 'ru', 'hy', 'az', 'ka', 'tr', 'uk', 'ur', 'fa', 'ar', 'he', 'de', 'fr', 'es'];
/** Tools a translation is commonly pasted from; the field takes any name. */
const TOOLS = ['DeepL', 'Google Translate', 'Yandex Translate', 'Microsoft Translator'];

interface TranslationEditorProps {
  translation: HighlightTranslation | null;
  onSave: (translation: HighlightTranslation | null) => Promise<void>;
}

/**
 * A highlight's translation (issue 14): its words, its language and where it came from (the
 * researcher's own, or the tool it was pasted from). Saved with "Save translation"; a problem
 * (an empty text) is said beside the field and nothing is saved.
 */
export function TranslationEditor({ translation, onSave }: TranslationEditorProps) {
  const [text, setText] = useState(translation?.text ?? '');
  const [language, setLanguage] = useState(translation?.language ?? 'en');
  const [tool, setTool] = useState(translation?.tool ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const toolsId = useId();
  const problemId = useId();

  useEffect(() => {
    setText(translation?.text ?? '');
    setLanguage(translation?.language ?? 'en');
    setTool(translation?.tool ?? '');
  }, [translation]);

  const languages = LANGUAGES.includes(language) ? LANGUAGES : [language, ...LANGUAGES];
  const changed = text !== (translation?.text ?? '') || language !== (translation?.language ?? 'en') || tool !== (translation?.tool ?? '');

  const save = async () => {
    const parsed = TranslationSchema.safeParse({ text, language, tool });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'This translation cannot be saved.');
      return;
    }
    setProblem(null);
    await onSave(parsed.data);
  };

  return (
    <details className="translation-editor">
      <summary>Translation</summary>
      <textarea
        className="highlight-comment"
        aria-label="Translation"
        aria-invalid={problem !== null || undefined}
        aria-describedby={problem ? problemId : undefined}
        placeholder="The quote in another language…"
        rows={2}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.stopPropagation();
        }}
      />
      <div className="translation-editor-row">
        <select className="select" aria-label="Translation language" value={language} onChange={(event) => setLanguage(event.currentTarget.value)}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
        <input
          className="input"
          type="text"
          aria-label="Pasted from (empty: my own translation)"
          placeholder="My own translation"
          list={toolsId}
          maxLength={64}
          value={tool}
          onChange={(event) => setTool(event.currentTarget.value)}
        />
        <datalist id={toolsId}>
          {TOOLS.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <div className="translation-editor-row">
        <button type="button" className="button button-small" disabled={!changed} onClick={() => void save()}>
          Save translation
        </button>
        {translation ? (
          <button type="button" className="button button-small button-quiet" onClick={() => void onSave(null)}>
            Remove translation
          </button>
        ) : null}
      </div>
      {problem ? (
        <p id={problemId} className="translation-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </details>
  );
}
