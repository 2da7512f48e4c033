import { useCallback, useState } from 'react';
import type { PassageFilter } from '../../../../shared/domain/compare';

/** The main views beside the reader (issue 11); the reader opens over whichever is current. */
export type MainView = 'library' | 'passages' | 'compare' | 'timeline';

export const MAIN_VIEWS: readonly { view: MainView; label: string }[] = [
  { view: 'library', label: 'Library' },
  { view: 'passages', label: 'Passages' },
  { view: 'compare', label: 'Compare' },
  { view: 'timeline', label: 'Timeline' },
];

export interface MainViews {
  main: MainView;
  setMain: (view: MainView) => void;
  /** What Passages shows; Compare and Timeline set it when they open Passages. */
  passageFilter: PassageFilter;
  setPassageFilter: (filter: PassageFilter) => void;
  /** Opens Passages with exactly this filter. */
  showPassages: (filter: PassageFilter) => void;
}

export function useMainViews(): MainViews {
  const [main, setMain] = useState<MainView>('library');
  const [passageFilter, setPassageFilter] = useState<PassageFilter>({});
  const showPassages = useCallback((filter: PassageFilter) => {
    setPassageFilter(filter);
    setMain('passages');
  }, []);
  return { main, setMain, passageFilter, setPassageFilter, showPassages };
}
