import { useEffect, useRef, useState } from 'react';

interface CommentFieldProps {
  comment: string;
  onSave: (comment: string) => Promise<void>;
}

/**
 * A highlight's comment, saved when the field loses focus or on Enter (Shift+Enter starts a new
 * line). While the field is being edited, a re-fetch does not overwrite what is being typed.
 */
export function CommentField({ comment, onSave }: CommentFieldProps) {
  const [draft, setDraft] = useState(comment);
  const editing = useRef(false);

  useEffect(() => {
    if (!editing.current) setDraft(comment);
  }, [comment]);

  const save = async () => {
    const text = draft.trim();
    if (text !== comment) await onSave(text);
  };

  return (
    <textarea
      className="highlight-comment"
      aria-label="Comment"
      placeholder="Add a comment…"
      rows={1}
      value={draft}
      onFocus={() => (editing.current = true)}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={() => {
        editing.current = false;
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
          event.preventDefault();
          void save();
        } else if (event.key === 'Escape') {
          // Escape abandons the edit (and is not the window's "back to library").
          event.stopPropagation();
          setDraft(comment);
          event.currentTarget.blur();
        }
      }}
    />
  );
}
