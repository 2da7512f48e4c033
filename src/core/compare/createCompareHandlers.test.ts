import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import type { Handlers } from '../../shared/api/contract';
import { addHighlight, importSamples, openTestLibrary } from '../../../tests/support/library';

let cleanup: () => void;
let handlers: Handlers;
let ids: number[];
beforeEach(async () => {
  const opened = openTestLibrary();
  cleanup = opened.cleanup;
  handlers = createHandlers(opened.library);
  ids = await importSamples(opened.db);
  addHighlight(opened.db, ids[4]!, 'UN peacekeepers', { tags: ['framing/un'] });
});
afterEach(() => cleanup());

const call = (operation: string, payload?: unknown) => dispatch(handlers, operation, payload);

describe('compare operations through the contract', () => {
  it('validates requests, fills defaults and answers in the declared shapes', async () => {
    expect(await call('setOutlet', { name: 'AzerNews', country: 'az' })).toEqual({ ok: true, value: { name: 'AzerNews', country: 'AZ', note: '', sourceCount: 1 } });
    const page = await call('listPassages', {});
    expect(page).toMatchObject({ ok: true, value: { total: 1, next: null, passages: [{ outlet: 'AzerNews', country: 'AZ', codes: ['framing/un'] }] } });
    expect(await call('listPassages', { count: false, filter: { codes: ['framing'] } })).toMatchObject({ ok: true, value: { total: null, passages: [{ codes: ['framing/un'] }] } });
    expect(await call('countPassages', { filter: { codes: ['framing/un', 'framing'] } })).toEqual({ ok: true, value: { total: 1 } });
    expect(await call('countPassages', { filter: { codes: [] } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await call('codeMatrix', { by: 'country' })).toMatchObject({ ok: true, value: { by: 'country', columns: ['AZ', '(no country)'] } });
    expect(await call('setCode', { name: ' framing / un ', color: '#ABCDEF' })).toMatchObject({ ok: true, value: { name: 'framing/un', color: '#abcdef' } });
  });

  it('refuses bad input with a message saying what to do', async () => {
    const bad = await call('setOutlet', { name: 'AzerNews', country: 'Azerbaijan' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(JSON.stringify(bad)).toMatch(/ISO 3166 alpha-2/);
    expect(await call('renameCode', { from: 'nothing', to: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
