import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userDataForLibrary } from './libraryInstance';

const userData = path.resolve('/home/ana/.config/Marginalia');
const defaultLibrary = path.join(userData, 'library.sqlite');

describe('one instance per library', () => {
  it('keeps userData for the default library, however its path is written', () => {
    expect(userDataForLibrary(defaultLibrary, userData, defaultLibrary)).toBe(userData);
    expect(userDataForLibrary(path.join(userData, 'x', '..', 'library.sqlite'), userData, defaultLibrary)).toBe(userData);
  });

  it('gives another library its own folder (so its own lock), the same one every launch', () => {
    const lachin = userDataForLibrary('/data/lachin.sqlite', userData, defaultLibrary);
    expect(lachin).not.toBe(userData);
    expect(path.dirname(lachin)).toBe(path.join(userData, 'Libraries'));
    expect(userDataForLibrary('/data/../data/lachin.sqlite', userData, defaultLibrary)).toBe(lachin);
    expect(userDataForLibrary('/data/other.sqlite', userData, defaultLibrary)).not.toBe(lachin);
  });
});
