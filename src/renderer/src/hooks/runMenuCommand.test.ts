import { describe, expect, it } from 'vitest';
import { MenuCommand } from '../../../shared/api/menu';
import { runMenuCommand } from './runMenuCommand';

describe('menu commands in the page', () => {
  it('runs the page’s action for each command, and nothing for a view or action the page does not have', () => {
    const done: string[] = [];
    const actions = { importArticles: () => done.push('import'), newNote: () => done.push('note'), showView: { library: () => done.push('library') } };
    expect(runMenuCommand({ type: 'importArticles' }, actions)).toBe(true);
    expect(runMenuCommand({ type: 'showView', view: 'library' }, actions)).toBe(true);
    expect(runMenuCommand({ type: 'newNote' }, actions)).toBe(true);
    expect(runMenuCommand({ type: 'showView', view: 'timeline' }, actions)).toBe(false);
    expect(runMenuCommand({ type: 'importFolder' }, actions)).toBe(false);
    expect(done).toEqual(['import', 'library', 'note']);
  });

  it('accepts only well-formed commands from main', () => {
    expect(MenuCommand.safeParse({ type: 'toggleNotes' }).success).toBe(true);
    for (const bad of [{ type: 'runScript' }, { type: 'showView' }, { type: 'showView', view: 'x'.repeat(41) }, null, 'importArticles']) expect(MenuCommand.safeParse(bad).success).toBe(false);
  });
});
