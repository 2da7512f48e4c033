import { useEffect, useSyncExternalStore } from 'react';

let openModals = 0;
const listeners = new Set<() => void>();

function changeBy(delta: number): void {
  openModals += delta;
  for (const listener of listeners) listener();
}

/** Registers a modal dialog for as long as the calling component is mounted. */
export function useModalLayer(): void {
  useEffect(() => {
    changeBy(1);
    return () => changeBy(-1);
  }, []);
}

/**
 * True while a modal dialog is open. The app shell then hides itself from assistive technology
 * (and from role queries in tests), so "Cancel" or "Delete" name exactly one button: the dialog's.
 */
export function useIsModalOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => openModals > 0,
  );
}

export function isModalOpen(): boolean {
  return openModals > 0;
}
