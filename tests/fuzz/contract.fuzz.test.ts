import fc from 'fast-check';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, operationNames } from '../../src/shared/api/contract';
import { createHandlers } from '../../src/core/handlers';
import { Library } from '../../src/core/library';
import { startHost } from '../../src/host/server';
import type { RunningHost } from '../../src/host/server';
import { handleIpcMessage } from '../../src/main/ipc/handleIpcMessage';
import { libraryDigest } from './libraryDigest';
import { iterations } from '../support/tier';

/**
 * Every operation of the contract gets 10,000 random (600 in the fast tier, tests/support/tier.ts) and malformed payloads through each transport
 * (the IPC handler layer and the browser host). Each must get a clear error, the library must be
 * unchanged, and the server must still answer. Payloads the schema accepts are left out for
 * mutations (a valid delete is allowed to delete).
 */
const PAYLOADS_PER_OPERATION = iterations(600, 10_000);
const ourWindow = { frameUrl: 'app://marginalia/index.html', isMainFrame: true, isOurWindow: true };

const payload = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withBigInt: false, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false, withDate: false }) },
  { weight: 3, arbitrary: fc.dictionary(fc.constantFrom('id', 'sourceId', 'files', 'patch', 'sort', 'outlet', 'query', 'name', 'contentBase64', 'title', 'noteId', 'style', 'color', '__proto__', 'constructor'), fc.oneof(fc.integer(), fc.string(), fc.double(), fc.constant(null), fc.array(fc.anything({ maxDepth: 2 })), fc.object({ maxDepth: 2 }))) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1.5, Number.MAX_SAFE_INTEGER + 2, 'x'.repeat(100_000), { id: -1 }, { id: 1e308 }, { patch: { publishedAt: '2023-02-30' } }, { files: [] }, { files: [{ name: '', contentBase64: '' }] }) },
);

let dir: string;
let library: Library;
let host: RunningHost;
// One keep-alive agent per operation's burst: a socket idle through the IPC half of a test would be
// closed by the server (keepAliveTimeout) just as the next burst reused it (ECONNRESET).
let agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-fuzz-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  const handlers = createHandlers(library);
  await handlers.importSampleLibrary({});
  host = await startHost({ handlers, staticDirectory: dir, token: 'fuzz-token' });
});

afterAll(async () => {
  await host.close();
  agent.destroy();
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function post(operation: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: host.port, path: `/api/${operation}`, method: 'POST', agent, headers: { host: `127.0.0.1:${host.port}`, authorization: 'Bearer fuzz-token', 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const asJson = (value: unknown): unknown => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
};

function samples(operation: keyof typeof contract): unknown[] {
  const spec = contract[operation];
  const kept: unknown[] = [];
  // Operations that take `{}` accept almost any object, so keep drawing until enough are invalid.
  for (let round = 0; kept.length < PAYLOADS_PER_OPERATION && round < 50; round++) {
    const batch = fc.sample(payload, { numRuns: PAYLOADS_PER_OPERATION, seed: operation.length * 7919 + round });
    // HTTP carries JSON, which drops what JSON cannot say: judge the payload as both transports see
    // it, and as dispatch reads it (no payload, or null, is `{}`: backupNow made a real backup for
    // each, about 700 of them, which on a slow machine ran the test past its time limit).
    const accepted = (value: unknown) => spec.request.safeParse(value ?? {}).success;
    kept.push(...batch.filter((value) => !spec.mutates || (!accepted(value) && !accepted(asJson(value)))));
  }
  return kept.slice(0, PAYLOADS_PER_OPERATION);
}

describe.each(operationNames.filter((name) => name !== 'importSampleLibrary'))('%s', (operation) => {
  it(`${operation} answers ${PAYLOADS_PER_OPERATION} malformed payloads through IPC and HTTP with clear errors, the library unchanged`, { timeout: 240_000 }, async () => {
    const before = libraryDigest(library.db);
    const handlers = createHandlers(library);
    const inputs = samples(operation);
    expect(inputs.length).toBe(PAYLOADS_PER_OPERATION);
    for (const input of inputs) {
      const result = await handleIpcMessage(handlers, operation, ourWindow, input);
      if (!result.ok) {
        expect(result.error.code).not.toBe('internal');
        expect(result.error.message.length).toBeGreaterThan(10);
      }
    }
    agent.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    for (let start = 0; start < inputs.length; start += 64) {
      const responses = await Promise.all(inputs.slice(start, start + 64).map((input) => post(operation, JSON.stringify(input) ?? 'undefined')));
      for (const response of responses) {
        expect(response.status, response.body).not.toBe(500);
        if (response.status !== 200) expect((JSON.parse(response.body) as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
      }
    }
    expect(libraryDigest(library.db)).toBe(before);
    expect((await post('libraryInfo', '{}')).status).toBe(200);
  });
});

it('refuses and logs every operation from a frame that is not ours', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const handlers = createHandlers(library);
  const before = libraryDigest(library.db);
  const strangers = [
    { frameUrl: 'https://evil.example/', isMainFrame: true, isOurWindow: true },
    { frameUrl: 'app://marginalia/index.html', isMainFrame: false, isOurWindow: true },
    { frameUrl: 'app://marginalia/index.html', isMainFrame: true, isOurWindow: false },
    { frameUrl: null, isMainFrame: true, isOurWindow: true },
  ];
  for (const operation of operationNames) {
    for (const sender of strangers) {
      const result = await handleIpcMessage(handlers, operation, sender, { id: 1 });
      expect(result).toEqual({ ok: false, error: { code: 'invalid_request', message: 'Refused: this request did not come from the Marginalia window.' } });
    }
  }
  expect(libraryDigest(library.db)).toBe(before);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('marginalia: refused getSource from https://evil.example/'));
  warn.mockRestore();
});
