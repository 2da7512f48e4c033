import type { MainView } from './compareViews';
import { MAIN_VIEWS } from './compareViews';

interface ViewTabsProps {
  /** The view shown, or null while the reader is open over it. */
  current: MainView | null;
  onSelect: (view: MainView) => void;
}

/** The header's Library, Passages, Compare and Timeline buttons; the current one is marked. */
export function ViewTabs({ current, onSelect }: ViewTabsProps) {
  return (
    <nav className="view-tabs" aria-label="Views">
      {MAIN_VIEWS.map(({ view, label }) => (
        <button key={view} type="button" className="button button-quiet view-tab" aria-current={current === view ? 'page' : undefined} onClick={() => onSelect(view)}>
          {label}
        </button>
      ))}
    </nav>
  );
}
