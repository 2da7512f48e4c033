import { lazy } from 'react';
import { LIBRARY_ROWS_PAINTED } from './features/library/LibraryPage';

/**
 * The views a window does not show first, each in a script of its own (Vite splits at these
 * imports): the reader, the notes column (the Lexical editor), Passages, Compare and the Timeline.
 * The first script is then the library alone, which the browser compiles before it can ask for the
 * first page (README, Performance: cold start). Once the library's first rows are painted, or
 * PRELOAD_AFTER_MS after the window opened on another view, the rest are fetched and compiled in
 * the background, so opening an article or a view does not wait for its script.
 */
const loaders = {
  reader: () => import('./features/reader/ReaderPage'),
  notesPane: () => import('./features/notes/NotesPane'),
  passages: () => import('./features/passages/PassagesPage'),
  compare: () => import('./features/compare/ComparePage'),
  timeline: () => import('./features/timeline/TimelinePage'),
};

export const ReaderPage = lazy(() => loaders.reader().then((module) => ({ default: module.ReaderPage })));
export const NotesPane = lazy(() => loaders.notesPane().then((module) => ({ default: module.NotesPane })));
export const PassagesPage = lazy(() => loaders.passages().then((module) => ({ default: module.PassagesPage })));
export const ComparePage = lazy(() => loaders.compare().then((module) => ({ default: module.ComparePage })));
export const TimelinePage = lazy(() => loaders.timeline().then((module) => ({ default: module.TimelinePage })));

const PRELOAD_AFTER_MS = 3000;
let preloading = false;

function preloadViews(): void {
  if (preloading) return;
  preloading = true;
  // One script at a time, each in an idle moment, so a click meanwhile is answered first.
  const queue = Object.values(loaders);
  const next = () => {
    const load = queue.shift();
    if (!load) return;
    const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 50));
    idle(() => void load().then(next, next));
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
