import packageJson from '../../package.json';

/** The version `marginalia --version` prints: the package's. */
export const VERSION: string = packageJson.version;
