import { preloadView } from '../../lazyViews';
import { prefetchTimeline } from '../timeline/timelineRequest';
import type { MainView } from './compareViews';
import { MAIN_VIEWS } from './compareViews';

interface ViewTabsProps {
  current: MainView;
  onSelect: (view: MainView) => void;
}

/** A view's script starts loading, and the Timeline's answer is asked for (timelineRequest.ts), as its tab is pointed at, focused or clicked. */
function prepare(view: MainView): void {
  preloadView(view);
  if (view === 'timeline') prefetchTimeline();
}

/** The header's Library, Passages, Compare and Timeline buttons; the current one is marked. Pointed at, focused or clicked, a tab prepares its view. */
export function ViewTabs({ current, onSelect }: ViewTabsProps) {
  return (
    <nav className="view-tabs" aria-label="Views">
      {MAIN_VIEWS.map(({ view, label }) => (
        <button
          key={view}
          type="button"
          className="button button-quiet button-small view-tab"
          aria-current={current === view ? 'page' : undefined}
          onPointerEnter={() => prepare(view)}
          onFocus={() => prepare(view)}
          onClick={() => {
            prepare(view);
            onSelect(view);
          }}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
