import { findElectron } from '../../scripts/electron.mjs';

/** Says once, up front, why the desktop project's specs will be skipped. */
export default function globalSetup(): void {
  if (!findElectron()) {
    console.log('Electron project: no Electron binary on this machine, so its specs are skipped (set ELECTRON_OVERRIDE_DIST_PATH or ELECTRON_EXEC_PATH to run them).');
  }
}
