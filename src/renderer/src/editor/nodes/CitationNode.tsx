import type { DOMExportOutput, EditorConfig, LexicalNode, NodeKey, SerializedLexicalNode, Spread } from 'lexical';
import { $applyNodeReplacement, DecoratorNode } from 'lexical';
import type { JSX } from 'react';
import { z } from 'zod';
import type { CitationSnapshot } from '../../../../shared/domain/note';
import { CITATION_NODE_TYPE, SerializedCitation } from '../../../../shared/domain/note';
import { citationLabel, citationPlainText } from '../../../../shared/notes/citationLabel';
import type { CitationPayload } from '../../../../shared/notes/citationPayload';
import { CitationChip } from './CitationChip';

/**
 * A citation inside a note: an inline chip pointing at a source, or at one highlighted passage of
 * it, with a snapshot of the quote and the source's title, outlet and date (so the note still
 * reads, and exports, after the passage or source is deleted). Its JSON is part of the shared
 * contract (SerializedCitation in src/shared/domain/note.ts): core derives citation rows from it
 * and the export reads it, so exportJSON writes exactly that shape.
 */
export type SerializedCitationNode = Spread<Omit<SerializedCitation, 'type' | 'version'>, SerializedLexicalNode>;

export class CitationNode extends DecoratorNode<JSX.Element> {
  __sourceId: number;
  __highlightId: number | null;
  __snapshot: CitationSnapshot;

  static override getType(): string {
    return CITATION_NODE_TYPE;
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__sourceId, node.__highlightId, node.__snapshot, node.__key);
  }

  /** Saved notes are input: anything not a valid citation is refused, and the note opens read-only. */
  static override importJSON(serializedNode: SerializedCitationNode): CitationNode {
    const parsed = SerializedCitation.safeParse(serializedNode);
    if (!parsed.success) throw new Error(`A citation in this note is invalid: ${z.prettifyError(parsed.error)}`);
    return $createCitationNode(parsed.data);
  }

  constructor(sourceId: number, highlightId: number | null, snapshot: CitationSnapshot, key?: NodeKey) {
    super(key);
    this.__sourceId = sourceId;
    this.__highlightId = highlightId;
    // Frozen: clones share it, so nothing may change it in place.
    this.__snapshot = Object.freeze({ ...snapshot });
  }

  override exportJSON(): SerializedCitationNode {
    const self = this.getLatest();
    return {
      ...super.exportJSON(),
      type: CITATION_NODE_TYPE,
      version: 1,
      sourceId: self.__sourceId,
      highlightId: self.__highlightId,
      snapshot: { ...self.__snapshot },
    };
  }

  getCitation(): CitationPayload {
    const self = this.getLatest();
    return { sourceId: self.__sourceId, highlightId: self.__highlightId, snapshot: self.__snapshot };
  }

  /** The editor's reconciler calls decorate() on the node version being rendered: read it as is. */
  private renderedCitation(): CitationPayload {
    return { sourceId: this.__sourceId, highlightId: this.__highlightId, snapshot: this.__snapshot };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const span = document.createElement('span');
    const className = config.theme.citation as string | undefined;
    if (className) span.className = className;
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  /** Copied into another program, a citation reads as its label. */
  override exportDOM(): DOMExportOutput {
    const cite = document.createElement('cite');
    cite.textContent = citationLabel(this.__snapshot);
    return { element: cite };
  }

  /** The same words the plain text for search gets (src/shared/notes/readEditorState.ts). */
  override getTextContent(): string {
    return citationPlainText(this.__snapshot);
  }

  override isInline(): true {
    return true;
  }

  override decorate(): JSX.Element {
    return <CitationChip citation={this.renderedCitation()} />;
  }
}

export function $createCitationNode(citation: CitationPayload): CitationNode {
  return $applyNodeReplacement(new CitationNode(citation.sourceId, citation.highlightId, citation.snapshot));
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
