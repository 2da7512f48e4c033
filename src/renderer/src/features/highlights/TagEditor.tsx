import { useId, useState } from 'react';
import { tagKey } from '../../../../shared/domain/highlight';

interface TagEditorProps {
  tags: readonly string[];
  /** Every tag in the library, for autocomplete. */
  suggestions: readonly string[];
  onAdd: (tag: string) => Promise<boolean>;
  onRemove: (tag: string) => Promise<void>;
}

/**
 * A highlight's tags: each with a remove button, and a field that adds one on Enter or comma,
 * or at once when a suggestion is picked from the list (tags are library-wide).
 */
export function TagEditor({ tags, suggestions, onAdd, onRemove }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const present = new Set(tags.map(tagKey));
  const offered = suggestions.filter((name) => !present.has(tagKey(name)));

  const add = async (value: string) => {
    const tag = value.trim();
    if (!tag) return;
    if (present.has(tagKey(tag))) return setDraft('');
    // Cleared only if it still holds what was added: the next tag may be typed while this one is saved.
    if (await onAdd(tag)) setDraft((current) => (current === value ? '' : current));
  };

  return (
    <div className="highlight-tags">
      {tags.length > 0 ? (
        <ul className="tag-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="tag">
              <span>{tag}</span>
              <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} title={`Remove tag ${tag}`} onClick={() => void onRemove(tag)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        className="input tag-input"
        aria-label="Add tag"
        placeholder="Add tag…"
        list={listId}
        value={draft}
        maxLength={64}
        onChange={(event) => {
          const value = event.currentTarget.value;
          const native = event.nativeEvent;
          // Picking from the datalist is a replacement, not typing: add the chosen tag at once.
          const picked = !(native instanceof InputEvent) || native.inputType === 'insertReplacementText';
          if (picked && offered.includes(value)) void add(value);
          else setDraft(value);
        }}
        onKeyDown={(event) => {
          if ((event.key === 'Enter' || event.key === ',') && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void add(draft);
          } else if (event.key === 'Escape' && draft) {
            event.stopPropagation();
            setDraft('');
          }
        }}
      />
      <datalist id={listId}>
        {offered.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </div>
  );
}
