import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { interopFile } from '../interopReferences';

/**
 * Test support: the W3C Web Annotation test suite's MUST checks (`annotationMusts.test`,
 * `collectionMusts.test`, `pageMusts.test` in the interop folder), run as the suite runs them: each
 * assertion is a draft-04 JSON Schema that a conforming document must satisfy ("expectedResult":
 * "valid"). Returns the failed assertions' error messages, so a test can show what failed.
 */
const SUITE = () => interopFile('web-annotation-tests');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function compiler(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  const definitions = path.join(SUITE(), 'definitions');
  for (const name of fs.readdirSync(definitions).filter((file) => file.endsWith('.json'))) ajv.addSchema(readJson(path.join(definitions, name)));
  return ajv;
}

export type MustSuite = 'annotations/annotationMusts.test' | 'collections/collectionMusts.test' | 'collections/pages/pageMusts.test';

/** Whether a document passes one assertion of the suite (a SHOULD or MAY check, say), by its path. */
export function passesAssertion(assertion: string, document: unknown): boolean {
  const schema = readJson(path.join(SUITE(), assertion));
  const ajv = compiler();
  return ajv.compile(schema)(document) === (schema.expectedResult !== 'invalid');
}

export function failedMusts(suite: MustSuite, document: unknown): string[] {
  const ajv = compiler();
  const test = readJson(path.join(SUITE(), suite));
  const failures: string[] = [];
  for (const assertion of test.assertions as string[]) {
    const schema = readJson(path.join(SUITE(), assertion));
    const expected = schema.expectedResult !== 'invalid';
    // Each assertion file is compiled under its own id; its $refs resolve against the definitions.
    const validate = ajv.getSchema(String(schema.id)) ?? ajv.compile(schema);
    if (validate(document) !== expected) failures.push(`${assertion}: ${String(schema.errorMessage ?? schema.title)}`);
  }
  return failures;
}
