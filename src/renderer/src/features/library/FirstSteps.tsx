import { useEffect, useId } from 'react';
import { usePersistentState } from '../../hooks/usePersistentState';

const parseDone = (stored: string) => (stored === 'true' ? true : stored === 'false' ? false : undefined);

/**
 * A first run that teaches (issue 16, item 11): beside the sample offer of the empty library, the
 * three steps the app is for, highlight → cite → export, each said with the control that does it.
 * Shown once: dismissed, or left behind when the library gets its first articles, it does not
 * come back (remembered in localStorage, a view preference).
 */
export function FirstSteps() {
  const [done, setDone] = usePersistentState('firstSteps.done', false, parseDone);
  const headingId = useId();
  // Seen and then left (the library filled): not shown again, even on an empty library later.
  useEffect(() => () => setDone(true), [setDone]);
  if (done) return null;
  return (
    <section className="first-steps" aria-labelledby={headingId}>
      <h2 id={headingId}>First steps</h2>
      <ol>
        <li>
          <strong>Highlight.</strong> Open an article, select words with the mouse or the keyboard (Tab to the text, then Shift+arrows), and press <kbd>H</kbd> or{' '}
          <strong>Highlight</strong> on the toolbar that appears.
        </li>
        <li>
          <strong>Cite.</strong> Open <strong>Notes</strong>, start a note, and choose <strong>Cite in note</strong> on a highlight (or type <kbd>@</kbd> in the note): the
          citation keeps the quoted words and opens the article at them.
        </li>
        <li>
          <strong>Export.</strong> <strong>Export Markdown</strong> under a note gives it with its citations (and a bibliography); <strong>Export highlights</strong> in
          an article’s Highlights panel gives its passages.
        </li>
      </ol>
      <button type="button" className="button button-small" onClick={() => setDone(true)}>
        Dismiss first steps
      </button>
    </section>
  );
}
