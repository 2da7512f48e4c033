/**
 * Every keyboard shortcut of the app, once. The window's handler (useShortcuts), the editor's
 * link shortcut, the reader's highlight keys and the shortcuts sheet all read this list, so what
 * the sheet shows is what the keys do.
 *
 * A chord is written `Mod+Shift+K`: `Mod` is ⌘ on macOS and Ctrl elsewhere, the last part is the
 * key (`event.key`, matched without case for letters). `?` is matched by the character typed, so it
 * works on any keyboard layout and whatever Shift took to type it.
 */

export type ShortcutScope = 'Anywhere' | 'Reading' | 'Writing a note';

export interface Shortcut {
  /** The first chord is the one shown first; any of them acts. */
  chords: readonly string[];
  description: string;
  scope: ShortcutScope;
}

export const SHORTCUTS = {
  search: { chords: ['Mod+K'], description: 'Search the library (from anywhere, the note editor included)', scope: 'Anywhere' },
  importArticles: { chords: ['Mod+O'], description: 'Import articles', scope: 'Anywhere' },
  showShortcuts: { chords: ['?', 'Mod+/'], description: 'Show these shortcuts (? outside text fields)', scope: 'Anywhere' },
  close: { chords: ['Escape'], description: 'Close what is open: search results, a dialog, a selection. It never leaves the article', scope: 'Anywhere' },
  toggleNotes: { chords: ['Mod+Shift+L'], description: 'Show or hide the notes column', scope: 'Anywhere' },
  back: { chords: ['Alt+ArrowLeft'], description: 'Back to the library (outside text fields)', scope: 'Reading' },
  toggleHighlights: { chords: ['Mod+Shift+P'], description: 'Show or hide the Highlights panel (a drawer in a narrow window)', scope: 'Reading' },
  highlight: { chords: ['H', 'Mod+Shift+H'], description: 'Highlight the selected words in the colour shown on “Highlight” (H outside text fields)', scope: 'Reading' },
  moveToText: { chords: ['Enter'], description: 'In the note’s title: move on to its text', scope: 'Writing a note' },
  bold: { chords: ['Mod+B'], description: 'Bold', scope: 'Writing a note' },
  italic: { chords: ['Mod+I'], description: 'Italic', scope: 'Writing a note' },
  underline: { chords: ['Mod+U'], description: 'Underline', scope: 'Writing a note' },
  link: { chords: ['Mod+Shift+K'], description: 'Add or edit a link', scope: 'Writing a note' },
  undo: { chords: ['Mod+Z'], description: 'Undo', scope: 'Writing a note' },
  redo: { chords: ['Mod+Shift+Z'], description: 'Redo', scope: 'Writing a note' },
  cite: { chords: ['@'], description: 'Cite a source or passage: type @ and a few of its words', scope: 'Writing a note' },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;

export const SHORTCUT_SCOPES: readonly ShortcutScope[] = ['Anywhere', 'Reading', 'Writing a note'];

/** What a key event carries that a chord can name (a KeyboardEvent, or a React one). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface ParsedChord {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

function parseChord(chord: string): ParsedChord {
  // '+' alone, or as the last part ("Mod++"), is the key itself.
  const parts = chord === '+' ? ['+'] : chord.split('+');
  const key = parts.pop() ?? '';
  return { key, mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
}

/** A character key whose Shift state the layout decides (`?`, `@`): matched by the character alone. */
const isTypedCharacter = (key: string) => key.length === 1 && !/[a-z0-9]/i.test(key);

/** True when the event is exactly this chord: the named modifiers held, and no others. */
export function matchesChord(chord: string, event: KeyLike, mac: boolean): boolean {
  const wanted = parseChord(chord);
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  if (mod !== wanted.mod || other || event.altKey !== wanted.alt) return false;
  if (isTypedCharacter(wanted.key)) return event.key === wanted.key;
  if (event.shiftKey !== wanted.shift) return false;
  return wanted.key.length === 1 ? event.key.toLowerCase() === wanted.key.toLowerCase() : event.key === wanted.key;
}

/** True when the event is any chord of the shortcut. */
export function matchesShortcut(id: ShortcutId, event: KeyLike, mac: boolean): boolean {
  return SHORTCUTS[id].chords.some((chord) => matchesChord(chord, event, mac));
}

const KEY_NAMES: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc' };

/** The keys of a chord as a person reads them: ["Ctrl", "Shift", "K"], or ["⌘", "⇧", "K"] on macOS. */
export function chordKeys(chord: string, mac: boolean): string[] {
  const { key, mod, shift, alt } = parseChord(chord);
  const keys: string[] = [];
  if (mod) keys.push(mac ? '⌘' : 'Ctrl');
  if (alt) keys.push(mac ? '⌥' : 'Alt');
  if (shift) keys.push(mac ? '⇧' : 'Shift');
  keys.push(KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key));
  return keys;
}

/** A chord as one label: "Ctrl+Shift+K", or "⌘⇧K" on macOS. */
export function chordLabel(chord: string, mac: boolean): string {
  return chordKeys(chord, mac).join(mac ? '' : '+');
}

/** The shortcut's chords for `aria-keyshortcuts` ("Control+Shift+K"; space-separated alternatives). */
export function ariaKeyShortcuts(id: ShortcutId, mac: boolean): string {
  return SHORTCUTS[id].chords
    .map((chord) => {
      const { key, mod, shift, alt } = parseChord(chord);
      const parts: string[] = [];
      if (mod) parts.push(mac ? 'Meta' : 'Control');
      if (alt) parts.push('Alt');
      if (shift) parts.push('Shift');
      parts.push(key);
      return parts.join('+');
    })
    .join(' ');
}
