import type { Highlight } from '../../../../shared/domain/highlight';
import { HIGHLIGHT_COLORS } from '../../../../shared/domain/highlight';
import { highlightCitation } from '../../../../shared/notes/citationPayload';
import type { CitedSource } from './citeInNote';
import { useCite } from './citeInNote';
import { COLOR_LABELS, parseColor } from './colors';
import { CommentField } from './CommentField';
import { TagEditor } from './TagEditor';
import { TranslationEditor } from './TranslationEditor';
import type { HighlightActions } from './useHighlightActions';

interface HighlightEditorProps {
  source: CitedSource;
  highlight: Highlight;
  tagSuggestions: readonly string[];
  actions: HighlightActions;
}

/** The controls of the selected highlight's item: colour, citing, delete, comment, translation, tags. */
export function HighlightEditor({ source, highlight, tagSuggestions, actions }: HighlightEditorProps) {
  const cite = useCite();
  return (
    <div className="highlight-editor">
      <div className="highlight-item-row">
        <span className={`color-swatch color-${highlight.color}`} aria-hidden="true" />
        <select
          className="select highlight-color"
          aria-label="Colour"
          value={highlight.color}
          onChange={(event) => {
            const color = parseColor(event.currentTarget.value);
            if (color) void actions.setColor(highlight, color);
          }}
        >
          {HIGHLIGHT_COLORS.map((color) => (
            <option key={color} value={color}>
              {COLOR_LABELS[color]}
            </option>
          ))}
        </select>
        {cite ? (
          <>
            <button type="button" className="button button-small button-quiet" aria-label="Cite in note" onClick={() => cite(highlightCitation(source, highlight), 'cite')}>
              Cite
            </button>
            <button type="button" className="button button-small button-quiet" aria-label="Quote in note" onClick={() => cite(highlightCitation(source, highlight), 'quote')}>
              Quote
            </button>
          </>
        ) : null}
        <button type="button" className="button button-small button-quiet button-danger-quiet highlight-delete" aria-label="Delete highlight" onClick={() => void actions.remove(highlight)}>
          Delete
        </button>
      </div>
      <CommentField comment={highlight.comment} onSave={(comment) => actions.setComment(highlight, comment)} />
      <TranslationEditor translation={highlight.translation} onSave={(translation) => actions.setTranslation(highlight, translation)} />
      <TagEditor tags={highlight.tags} suggestions={tagSuggestions} onAdd={(tag) => actions.addTag(highlight, tag)} onRemove={(tag) => actions.removeTag(highlight, tag)} />
    </div>
  );
}
