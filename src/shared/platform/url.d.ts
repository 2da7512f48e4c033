/**
 * The WHATWG URL class, which every runtime src/shared runs in has (Node, Chromium, Electron), but
 * which TypeScript declares only in the DOM and Node type libraries. src/shared compiles with
 * neither (tsconfig.json there), so the part it uses is declared here, and nothing else leaks in.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly href: string;
}
