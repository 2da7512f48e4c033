import type { ReactNode, RefObject } from 'react';
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useModalLayer } from './modalLayer';

interface DialogProps {
  title: string;
  /** `alertdialog` for confirmations that interrupt, `dialog` for forms. */
  role?: 'dialog' | 'alertdialog';
  /** Escape, or anything else that dismisses the dialog without acting. */
  onDismiss: () => void;
  /** What gets focus when the dialog opens; the first focusable control otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the page behind it inert,
 * closes on Escape and returns focus to where it was. Rendered into <body>, outside the app shell.
 */
export function Dialog({ title, role = 'dialog', onDismiss, initialFocus, description, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useModalLayer();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The dialog leaves the DOM when it unmounts, so restore focus by hand rather than relying on close().
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    };
    // Opened once per mount: the props of a mounted dialog do not reopen it, and `initialFocus`
    // is asked only when it opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount, as above
  }, []);

  return createPortal(
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Keep React in charge of whether the dialog is shown: it closes by unmounting.
        event.preventDefault();
        onDismiss();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {description ? (
        <div id={descriptionId} className="dialog-description">
          {description}
        </div>
      ) : null}
      {children}
    </dialog>,
    document.body,
  );
}
