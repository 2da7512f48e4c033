/**
 * The part of the DOM the HTML importer and the REFI-QDA importer use, as linkedom implements it. Core compiles without the
 * DOM type library (tsconfig.node.json), so that `document` or `window` anywhere else in core fails
 * to compile; the importer names these interfaces instead of relying on DOM globals.
 */
export interface Node {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly childNodes: Iterable<Node>;
}

export interface Element extends Node {
  readonly localName: string;
  readonly tagName: string;
  readonly children: Iterable<Element>;
  readonly isConnected: boolean;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): Element | null;
  querySelectorAll(selectors: string): Iterable<Element>;
  remove(): void;
}

export interface Document {
  readonly body: Element | null;
  readonly documentElement: Element | null;
  querySelector(selectors: string): Element | null;
  querySelectorAll(selectors: string): Iterable<Element>;
}
