import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { isAllowedLinkUrl, LINK_RULE } from '../../../../shared/notes/linkUrl';
import { Dialog } from '../../components/Dialog';

interface LinkDialogProps {
  initialUrl: string;
  /** The selection is already a link: offer to remove it. */
  isLink: boolean;
  onApply: (url: string) => void;
  onRemove: () => void;
  onClose: () => void;
}

/** Asks for a link's address; only http, https and marginalia addresses are accepted. */
export function LinkDialog({ initialUrl, isLink, onApply, onRemove, onClose }: LinkDialogProps) {
  const [url, setUrl] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = url.trim();
    if (!isAllowedLinkUrl(value)) {
      setError(value === '' ? 'Type the address the link goes to.' : LINK_RULE);
      input.current?.focus();
      return;
    }
    onApply(value);
  }

  return (
    <Dialog title={isLink ? 'Edit link' : 'Add link'} onDismiss={onClose} initialFocus={input} className="link-dialog">
      <form onSubmit={apply} noValidate>
        <div className="edit-field">
          <label htmlFor={`${id}-url`}>Link address</label>
          <input
            ref={input}
            id={`${id}-url`}
            className="input"
            type="url"
            value={url}
            placeholder="https://"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(event) => {
              setUrl(event.currentTarget.value);
              setError(null);
            }}
          />
          {error ? (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="field-hint">
              A web address (https://…) or a library link (marginalia://source/…).
            </p>
          )}
        </div>
        <div className="dialog-actions">
          {isLink ? (
            <button type="button" className="button button-danger-quiet" onClick={onRemove}>
              Remove link
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Apply link
          </button>
        </div>
      </form>
    </Dialog>
  );
}
