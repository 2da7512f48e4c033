import { describe, expect, it } from 'vitest';
import { FileNamer, MAX_STEM_BYTES, safeFileStem } from './safeFileName';

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('safeFileStem', () => {
  it('keeps an ordinary title, in any script, as it is', () => {
    expect(safeFileStem('Lachin corridor, day 8')).toBe('Lachin corridor, day 8');
    expect(safeFileStem('Լաչինի միջանցքը')).toBe('Լաչինի միջանցքը');
    expect(safeFileStem('Лачинский коридор')).toBe('Лачинский коридор');
    expect(safeFileStem('Laçın yolu — İrəvan, Ağdam')).toBe('Laçın yolu — İrəvan, Ağdam');
  });

  it('turns separators into dashes and drops what Windows forbids', () => {
    expect(safeFileStem('Lachin: day 8')).toBe('Lachin - day 8');
    expect(safeFileStem('2022/2023 \\ notes | draft')).toBe('2022 - 2023 - notes - draft');
    expect(safeFileStem('What "peace" means? <draft> *final*')).toBe("What 'peace' means draft final");
  });

  it('never yields a path: no separators, no dot names, nothing absolute', () => {
    for (const title of ['../../etc/passwd', '..', '.', '/etc/passwd', 'C:\\Windows\\system32', '\\\\server\\share', '~/.bashrc', 'a/../../b', '....//....//x']) {
      const stem = safeFileStem(title);
      expect(stem).not.toMatch(/[/\\:]/);
      expect(stem).not.toMatch(/^\./);
      expect(['', '.', '..']).not.toContain(stem);
    }
    expect(safeFileStem('../../etc/passwd')).toBe('etc - passwd');
    expect(safeFileStem('..')).toBe('Untitled');
  });

  it('drops control characters, NUL included, and invisible direction overrides', () => {
    expect(safeFileStem('a\u0000b\u0007c')).toBe('abc');
    expect(safeFileStem('line\none\ttab')).toBe('line one tab');
    expect(safeFileStem('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(safeFileStem('\u0000\u0000')).toBe('Untitled');
  });

  it('drops trailing dots and spaces and leading dots and dashes', () => {
    expect(safeFileStem('Notes...  ')).toBe('Notes');
    expect(safeFileStem('  .hidden')).toBe('hidden');
    expect(safeFileStem('--rf')).toBe('rf');
  });

  it('avoids the names Windows reserves, with or without an extension, in any case', () => {
    for (const name of ['CON', 'con', 'PRN', 'AUX', 'NUL', 'COM1', 'com9', 'LPT1', 'LPT²', 'nul.backup', 'Con ']) expect(safeFileStem(name)).toMatch(/_$/);
    expect(safeFileStem('CON')).toBe('CON_');
    expect(safeFileStem('Console')).toBe('Console');
    expect(safeFileStem('COM10')).toBe('COM10');
  });

  it('shortens a long title at a character boundary, under the byte limit', () => {
    for (const unit of ['a', 'Լ', 'Ж', 'ə', '👩🏽‍💻', 'é']) {
      const stem = safeFileStem(unit.repeat(500));
      expect(bytes(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES);
      expect(stem.length).toBeGreaterThan(0);
      // Only whole characters: the stem is a run of the same unit.
      expect(stem.replaceAll(unit, '')).toBe('');
    }
  });

  it('uses the fallback when nothing usable is left', () => {
    expect(safeFileStem('???', 'Note 7')).toBe('Note 7');
    expect(safeFileStem('   ', 'Note 7')).toBe('Note 7');
  });
});

describe('FileNamer', () => {
  it('numbers duplicates, ignoring case and Unicode normalization as Windows and macOS do', () => {
    const namer = new FileNamer();
    expect(namer.claim('Lachin', ['.md'])).toBe('Lachin');
    expect(namer.claim('lachin', ['.md'])).toBe('lachin (2)');
    expect(namer.claim('LACHIN', ['.md'])).toBe('LACHIN (3)');
    expect(namer.claim('Ağdam'.normalize('NFC'), ['.md'])).toBe('Ağdam');
    expect(namer.claim('Ağdam'.normalize('NFD'), ['.md'])).toBe('Ağdam (2)');
    // Titles that differ only in forbidden characters collide once made safe.
    expect(namer.claim('a/b', ['.md'])).toBe('a - b');
    expect(namer.claim('a:b', ['.md'])).toBe('a - b (2)');
  });

  it('keeps reserved names free and claims every extension of a stem at once', () => {
    const namer = new FileNamer();
    namer.reserve('bibliography.json');
    expect(namer.claim('Bibliography', ['.md'])).toBe('Bibliography');
    expect(namer.claim('bibliography', ['.json', '.bib'])).toBe('bibliography (2)');
    expect(namer.claim('bibliography', ['.bib'])).toBe('bibliography');
    expect(namer.claim('bibliography', ['.json'])).toBe('bibliography (3)');
  });
});
