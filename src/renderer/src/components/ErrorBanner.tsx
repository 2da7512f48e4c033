interface ErrorBannerProps {
  /** What failed, in the app's words ("The library could not be loaded."). */
  title?: string;
  /** Why, usually the library's own message. */
  message: string;
  onDismiss?: () => void;
  onRetry?: () => void;
}

/** A failed operation, said plainly, with a way to retry or dismiss it. */
export function ErrorBanner({ title, message, onDismiss, onRetry }: ErrorBannerProps) {
  return (
    <div role="alert" className="error-banner">
      <span className="error-banner-icon" aria-hidden="true">
        !
      </span>
      <p className="error-banner-message">
        {title ? <strong>{title} </strong> : null}
        {message}
      </p>
      <div className="error-banner-actions">
        {onRetry ? (
          <button type="button" className="button button-small" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {onDismiss ? (
          <button type="button" className="button button-small button-quiet" onClick={onDismiss} aria-label="Dismiss error">
            Dismiss
          </button>
        ) : null}
      </div>
    </div>
  );
}
