import { IMPORT_ACCEPT } from './ImportButton';

/** Shown while files are dragged over the window. Purely visual: the drop is handled by useFileDrop. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">Drop to import</p>
        <p className="drop-overlay-hint">Articles ({IMPORT_ACCEPT.split(',').join(' ')}) or whole folders of them</p>
      </div>
    </div>
  );
}
