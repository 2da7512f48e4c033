/** The platform's command modifier as users read it: ⌘ on macOS, Ctrl elsewhere. */
export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD_KEY_LABEL = isMac ? '⌘' : 'Ctrl';

/** True when the platform's command modifier (and no other) is held. */
export function hasModOnly(event: KeyboardEvent): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const other = isMac ? event.ctrlKey : event.metaKey;
  return mod && !other && !event.altKey;
}
