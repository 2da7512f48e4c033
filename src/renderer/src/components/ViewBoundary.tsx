import type { ErrorInfo, ReactNode } from 'react';
import { Component, createContext, useEffect, useState } from 'react';
import { ErrorBanner } from './ErrorBanner';

interface ViewBoundaryProps {
  /** The view's name as the user knows it ("Reader", "Notes", "Passages"…): the region's name and the status's words. */
  name: string;
  /** The class of the view's own outer element, so the area keeps its place and size while the view's script loads. */
  className: string;
  children: ReactNode;
}

/** A script that comes within this long (from the browser's cache or a preload still under way) is not announced: the words would only flash. */
const SAY_LOADING_AFTER_MS = 150;

/**
 * While a view's script loads (lazyViews.ts): a region named after the view, busy, whose status
 * says "Loading…" politely if the script is not in within SAY_LOADING_AFTER_MS. It takes no focus.
 */
export function ViewLoading({ name, className }: Omit<ViewBoundaryProps, 'children'>) {
  const [say, setSay] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSay(true), SAY_LOADING_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <section className={`${className} view-loading`} aria-label={name} aria-busy="true">
      <p className="loading" role="status">
        {say ? `Loading ${name}…` : null}
      </p>
    </section>
  );
}

/** What a lazily loaded view (lazyViews.ts) shows until its script is in: its boundary's ViewLoading. */
export const ViewLoadingContext = createContext<ReactNode>(null);

/** A view's script could not be loaded (lazyViews.ts): its file missing, unreadable or not valid. `retry` lets the next render ask for it again. */
export class ViewScriptError extends Error {
  constructor(
    cause: unknown,
    readonly retry: () => void,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ViewScriptError';
  }
}

interface FailureState {
  error: Error | null;
}

/**
 * A view that loads its script when first shown (lazyViews.ts). While it loads, ViewLoading (given to
 * the view by context: it does not suspend, see lazyViews.ts); if it
 * fails (its file missing or unreadable), an alert saying so with "Try again", which renders the
 * view anew, and lazyViews asks for the script again. The rest of the window carries on.
 */
export class ViewBoundary extends Component<ViewBoundaryProps, FailureState> {
  override state: FailureState = { error: null };

  static getDerivedStateFromError(error: unknown): FailureState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} view failed:`, error, info.componentStack);
  }

  private retry = () => {
    if (this.state.error instanceof ViewScriptError) this.state.error.retry();
    this.setState({ error: null });
  };

  override render() {
    const { name, className, children } = this.props;
    if (this.state.error) {
      return (
        <section className={`${className} view-failed`} aria-label={name}>
          <ErrorBanner
            title={`${name} could not be shown.`}
            message={
              this.state.error instanceof ViewScriptError
                ? `Its script did not load (${this.state.error.message}). Try again; if it fails again, Marginalia's files may be damaged: reinstall it.`
                : `It stopped with an error: ${this.state.error.message}`
            }
            onRetry={this.retry}
          />
        </section>
      );
    }
    return <ViewLoadingContext value={<ViewLoading name={name} className={className} />}>{children}</ViewLoadingContext>;
  }
}
