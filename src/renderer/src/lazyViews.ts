import type { ComponentType } from 'react';
import { createElement, useContext, useEffect, useState } from 'react';
import { ViewLoadingContext, ViewScriptError } from './components/ViewBoundary';
import type { MainView } from './features/compare/compareViews';
import { LIBRARY_ROWS_PAINTED } from './features/library/LibraryPage';

/**
 * A view whose script is loaded when it is first shown (or preloaded, below). Rendered before its
 * script is here, it shows what the ViewBoundary around it gives (the view's name and "Loading…",
 * ViewLoadingContext) and renders the view once the script is in; if the script fails to load, it
 * throws a ViewScriptError, and the boundary says so, with "Try again", which forgets the failed
 * load (ViewScriptError.retry) so the view asks for its script again. A failed preload is forgotten
 * at once. Once loaded it renders at once.
 *
 * It does not suspend (React.lazy and `use` do): React holds back the content of a Suspense
 * boundary until 300 ms after its fallback was shown (a retry is throttled so fallbacks do not
 * flicker), so a view whose script took 5 ms was drawn 300 ms after the click. The script's arrival
 * is an ordinary state update here, drawn in the next frame.
 */
function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): { View: ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const get = (): Promise<ComponentType<P>> => {
    if (loading) return loading;
    const attempt: Promise<ComponentType<P>> = load().then(
      (view) => (loaded = view),
      (error: unknown) => {
        // Kept until "Try again": a new attempt each render would fail again and again, never showing the failure.
        throw new ViewScriptError(error, () => {
          if (loading === attempt) loading = null;
        });
      },
    );
    return (loading = attempt);
  };
  function LazyView(props: P) {
    const [view, setView] = useState<ComponentType<P> | null>(() => loaded);
    const [failure, setFailure] = useState<ViewScriptError | null>(null);
    const placeholder = useContext(ViewLoadingContext);
    useEffect(() => {
      if (view) return;
      let shown = true;
      get().then(
        (arrived) => shown && setView(() => arrived),
        (error: unknown) => shown && setFailure(error instanceof ViewScriptError ? error : new ViewScriptError(error, () => {})),
      );
      return () => {
        shown = false;
      };
    }, [view]);
    if (failure) throw failure;
    return view ? createElement(view, props) : placeholder;
  }
  const preload = () =>
    get().catch((error: unknown) => {
      if (error instanceof ViewScriptError) error.retry();
    });
  return { View: LazyView, preload };
}

/**
 * The views a window does not show first, each in a script of its own (Vite splits at these
 * imports): the reader, the notes column (the Lexical editor), Passages, Compare and the Timeline.
 * The first script is then the library alone, which the browser compiles before it can ask for the
 * first page (README, Performance: cold start). Once the library's first rows are painted, or
 * PRELOAD_AFTER_MS after the window opened on another view, the rest are fetched and compiled in
 * the background, so opening an article or a view does not wait for its script.
 */
const views = {
  reader: lazyView(() => import('./features/reader/ReaderPage').then((module) => module.ReaderPage)),
  notesPane: lazyView(() => import('./features/notes/NotesPane').then((module) => module.NotesPane)),
  passages: lazyView(() => import('./features/passages/PassagesPage').then((module) => module.PassagesPage)),
  compare: lazyView(() => import('./features/compare/ComparePage').then((module) => module.ComparePage)),
  timeline: lazyView(() => import('./features/timeline/TimelinePage').then((module) => module.TimelinePage)),
};

export const ReaderPage = views.reader.View;
export const NotesPane = views.notesPane.View;
export const PassagesPage = views.passages.View;
export const ComparePage = views.compare.View;
export const TimelinePage = views.timeline.View;

/**
 * Starts loading a main view's script now, if it is not here yet: its tab was pointed at or
 * focused, so a click is likely next (the background preload below may not have reached it yet).
 */
export function preloadView(view: MainView): void {
  if (view !== 'library') void views[view].preload();
}

const PRELOAD_AFTER_MS = 3000;
let preloading = false;

function preloadViews(): void {
  if (preloading) return;
  preloading = true;
  // One script at a time, each in an idle moment, so a click meanwhile is answered first. A script
  // that fails to load here is asked for again when its view is shown.
  const queue = Object.values(views).map((view) => view.preload);
  const next = () => {
    const load = queue.shift();
    if (!load) return;
    const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 50));
    idle(() => void load().then(next));
  };
  next();
}

/** Preloads the other views once the library's first rows are painted (or PRELOAD_AFTER_MS after this call). */
export function preloadViewsAfterFirstPaint(): void {
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntriesByName(LIBRARY_ROWS_PAINTED).length) return;
    observer.disconnect();
    preloadViews();
  });
  observer.observe({ type: 'mark' });
  setTimeout(() => {
    observer.disconnect();
    preloadViews();
  }, PRELOAD_AFTER_MS);
}
