import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { ApiError } from '../../../../shared/api/errors';
import { mutate } from '../../api/mutate';
import { errorMessage, isRefusedRequest } from '../../api/errorMessage';
import { Dialog } from '../../components/Dialog';
import { baseCitekey } from '../../../../shared/text/citekey';
import { CitekeyChoice } from './CitekeyChoice';
import type { FieldKey, FormValues } from './metadataForm';
import { buildPatch, FIELDS, fieldErrors, toFormValues } from './metadataForm';

interface EditDetailsDialogProps {
  source: Source;
  onClose: () => void;
  onSaved: (source: Source) => void;
}

/** The metadata form. The library validates; its message is shown, and the fields at fault are marked. */
export function EditDetailsDialog({ source, onClose, onSaved }: EditDetailsDialogProps) {
  const [values, setValues] = useState<FormValues>(() => toFormValues(source));
  const [citekeyPinned, setCitekeyPinned] = useState(source.citekeyPinned);
  const [saving, setSaving] = useState(false);
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const firstField = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch = buildPatch(source, values, citekeyPinned);
    if (Object.keys(patch).length === 0) return onClose();
    setSaving(true);
    try {
      const saved = await mutate('updateSource', { id: source.id, patch });
      onSaved(saved);
    } catch (error) {
      const local = fieldErrors(patch);
      if (error instanceof ApiError && error.code === 'conflict' && patch.citekey !== undefined && !local.citekey) local.citekey = 'Already used by another source';
      setErrors(local);
      const marked = FIELDS.filter((field) => local[field.key]);
      // The fields say what is wrong with them; above them, only where to look (the library's
      // report, with its schema paths, goes to the log).
      setServerMessage(
        isRefusedRequest(error) && marked.length > 0
          ? `Correct ${marked.length === 1 ? `the ${marked[0]!.label.toLowerCase()}` : `the ${marked.length} fields`} marked below, then save again.`
          : errorMessage(error, 'save the details'),
      );
      setSaving(false);
      const firstInvalid = FIELDS.find((field) => local[field.key]);
      // Focus the field to fix; the alert above the form is announced as it appears.
      if (firstInvalid) document.getElementById(`${idPrefix}-${firstInvalid.key}`)?.focus();
      else alertRef.current?.focus();
    }
  }

  const shownCitekey = citekeyPinned ? values.citekey : generatedCitekey(source, values);

  return (
    <Dialog title="Edit details" onDismiss={onClose} initialFocus={firstField} className="edit-dialog">
      <form className="edit-form" onSubmit={(event) => void save(event)} noValidate>
        {serverMessage ? (
          <div role="alert" className="form-error" ref={alertRef} tabIndex={-1}>
            <strong>The details were not saved.</strong> {serverMessage}
          </div>
        ) : null}
        <div className="edit-fields">
          {FIELDS.map((field, index) => {
            const id = `${idPrefix}-${field.key}`;
            const error = errors[field.key];
            const describedBy = [field.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
            return (
              <div key={field.key} className={field.wide ? 'edit-field is-wide' : 'edit-field'}>
                <label htmlFor={id}>{field.label}</label>
                <input
                  ref={index === 0 ? firstField : undefined}
                  id={id}
                  className="input"
                  type={field.type ?? 'text'}
                  value={field.key === 'citekey' ? shownCitekey : values[field.key]}
                  spellCheck={field.key === 'title' || field.key === 'author' || field.key === 'outlet'}
                  autoComplete="off"
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  aria-required={field.required ? true : undefined}
                  placeholder={field.key === 'publishedAt' ? 'YYYY-MM-DD' : field.key === 'url' ? 'https://' : undefined}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setValues((current) => ({ ...current, [field.key]: value }));
                    // A key edited by hand is kept as typed.
                    if (field.key === 'citekey') setCitekeyPinned(true);
                  }}
                />
                {field.key === 'citekey' ? (
                  <CitekeyChoice
                    pinned={citekeyPinned}
                    onChange={(pinned) => {
                      // "Keep this key" keeps the one on screen, which the researcher may then edit.
                      if (pinned) setValues((current) => ({ ...current, citekey: shownCitekey }));
                      setCitekeyPinned(pinned);
                    }}
                  />
                ) : null}
                {field.hint ? (
                  <p id={`${id}-hint`} className="field-hint">
                    {field.hint}
                  </p>
                ) : null}
                {error ? (
                  <p id={`${id}-error`} className="field-error">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The key the library will make from the details on screen: the stored one while they are as
 * stored (it may carry a letter that keeps it unique), else their base key (the library adds a
 * letter if another source has it).
 */
function generatedCitekey(source: Source, values: FormValues): string {
  const details = { title: values.title.trim(), outlet: values.outlet.trim() || null, author: values.author.trim() || null, publishedAt: values.publishedAt.trim() || null };
  const stored = { title: source.title, outlet: source.outlet, author: source.author, publishedAt: source.publishedAt };
  if (!source.citekeyPinned && JSON.stringify(details) === JSON.stringify(stored)) return source.citekey;
  return baseCitekey(details);
}
