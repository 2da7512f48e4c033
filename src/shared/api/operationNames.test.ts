import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { operationNames } from './operationNames';

describe('operation names', () => {
  it("are the contract's operations, each once: the preload exposes exactly these", () => {
    expect([...operationNames].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(operationNames).size).toBe(operationNames.length);
  });
});
