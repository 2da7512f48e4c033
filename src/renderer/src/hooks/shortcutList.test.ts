import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, chordLabel, matchesChord, matchesShortcut, SHORTCUTS } from './shortcutList';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('matchesChord', () => {
  it('reads Mod as Ctrl elsewhere and ⌘ on macOS, and no other modifier may be held', () => {
    expect(matchesChord('Mod+K', key('k', { ctrlKey: true }), false)).toBe(true);
    expect(matchesChord('Mod+K', key('k', { metaKey: true }), false)).toBe(false);
    expect(matchesChord('Mod+K', key('k', { metaKey: true }), true)).toBe(true);
    expect(matchesChord('Mod+K', key('k', { ctrlKey: true }), true)).toBe(false);
    expect(matchesChord('Mod+K', key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
  });

  it('tells search (Mod+K) from link (Mod+Shift+K), whatever the case of the letter', () => {
    const shifted = key('K', { ctrlKey: true, shiftKey: true });
    expect(matchesShortcut('search', shifted, false)).toBe(false);
    expect(matchesShortcut('link', shifted, false)).toBe(true);
    expect(matchesShortcut('search', key('K', { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut('link', key('k', { ctrlKey: true }), false)).toBe(false);
  });

  it('matches ? by the character typed, with or without the Shift a layout needs, but not with Ctrl', () => {
    expect(matchesShortcut('showShortcuts', key('?', { shiftKey: true }), false)).toBe(true);
    expect(matchesShortcut('showShortcuts', key('?'), false)).toBe(true);
    expect(matchesShortcut('showShortcuts', key('/', { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut('showShortcuts', key('/'), false)).toBe(false);
  });

  it('plain H is not Shift+H, and Escape alone goes nowhere near "back"', () => {
    expect(matchesChord('H', key('h'), false)).toBe(true);
    expect(matchesChord('H', key('H', { shiftKey: true }), false)).toBe(false);
    expect(matchesShortcut('highlight', key('H', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesShortcut('back', key('Escape'), false)).toBe(false);
    expect(matchesShortcut('back', key('ArrowLeft', { altKey: true }), false)).toBe(true);
  });
});

describe('labels', () => {
  it('names the keys as each platform does', () => {
    expect(chordLabel('Mod+Shift+K', false)).toBe('Ctrl+Shift+K');
    expect(chordLabel('Mod+Shift+K', true)).toBe('⌘⇧K');
    expect(chordLabel('Alt+ArrowLeft', false)).toBe('Alt+←');
    expect(ariaKeyShortcuts('highlight', false)).toBe('H Control+Shift+H');
    expect(ariaKeyShortcuts('search', true)).toBe('Meta+K');
  });

  it('gives no two shortcuts that can act in the same place the same chord', () => {
    const entries = Object.entries(SHORTCUTS);
    for (const [id, shortcut] of entries) {
      for (const [otherId, other] of entries) {
        if (id >= otherId) continue;
        const overlap = shortcut.scope === other.scope || shortcut.scope === 'Anywhere' || other.scope === 'Anywhere';
        if (!overlap) continue;
        const shared = shortcut.chords.filter((chord) => (other.chords as readonly string[]).includes(chord));
        expect(shared, `${id} and ${otherId}`).toEqual([]);
      }
    }
  });
});
