import { MOD_KEY_LABEL } from '../../components/modifierKey';
import { FirstSteps } from './FirstSteps';

interface EmptyLibraryProps {
  onLoadSample: () => void;
  busy: boolean;
}

/** First start: what the library is for, how to fill it, and a one-click sample to explore. */
export function EmptyLibrary({ onLoadSample, busy }: EmptyLibraryProps) {
  return (
    <section className="empty-library" aria-labelledby="empty-library-heading">
      <h1 id="empty-library-heading">Your library is empty</h1>
      <p>
        Marginalia keeps the articles you research in one place on this computer. Bring in saved web pages (.html), PDFs, plain text (.txt) or Markdown (.md) with{' '}
        <strong>Import articles</strong> at the top right (<kbd>{MOD_KEY_LABEL}</kbd>+<kbd>O</kbd>), a whole folder of them with <strong>Import folder</strong>, or drop files and
        folders anywhere on this window. A page’s title, outlet, author and date are read as the article’s details, as is Markdown front matter.
      </p>
      <div className="empty-library-sample">
        <p>
          Or start with the sample library: five news reports on the Lachin corridor blockade (December 2022 to February 2023) from Armenian, Azerbaijani, Russian and Pakistani
          outlets.
        </p>
        <button type="button" className="button button-primary" onClick={onLoadSample} disabled={busy}>
          Load sample library
        </button>
      </div>
      <FirstSteps />
    </section>
  );
}
