import fs from 'node:fs';
import path from 'node:path';

/**
 * Test support: the reference files other projects publish (CSL styles, the CSL-JSON schema, the
 * W3C Web Annotation test schemas, the REFI-QDA schema and a project file), kept outside the
 * repository in `../shared/interop/` beside the project root, or wherever MARGINALIA_INTEROP_DIR
 * points. Tests that need them skip, saying why, where the folder is absent.
 */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

export const INTEROP_DIR = process.env.MARGINALIA_INTEROP_DIR
  ? path.resolve(process.env.MARGINALIA_INTEROP_DIR)
  : path.resolve(PROJECT_ROOT, '..', 'shared', 'interop');

export const hasInterop = fs.existsSync(path.join(INTEROP_DIR, 'README.md'));

/** Appended to a test's name when it is skipped, so the run says why. */
export const INTEROP_SKIP = hasInterop
  ? ''
  : ` [SKIPPED: the interop references are not at ${INTEROP_DIR}; set MARGINALIA_INTEROP_DIR to the folder]`;

export const interopFile = (...parts: string[]): string => path.join(INTEROP_DIR, ...parts);
