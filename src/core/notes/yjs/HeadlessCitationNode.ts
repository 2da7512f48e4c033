import type { LexicalNode, NodeKey, SerializedLexicalNode, Spread } from 'lexical';
import { $applyNodeReplacement, DecoratorNode } from 'lexical';
import { z } from 'zod';
import type { CitationSnapshot, SerializedCitation } from '../../../shared/domain/note';
import { CITATION_NODE_TYPE, SerializedCitation as SerializedCitationSchema } from '../../../shared/domain/note';
import { citationPlainText } from '../../../shared/notes/citationLabel';

type SerializedHeadlessCitation = Spread<Omit<SerializedCitation, 'type' | 'version'>, SerializedLexicalNode>;

/**
 * The library's side of the editor's CitationNode (src/renderer/src/editor/nodes/CitationNode.tsx):
 * the same type, the same `__` properties (which @lexical/yjs copies into the Yjs document) and the
 * same JSON, without the chip it renders. Core binds a headless editor to a note's Yjs document
 * with it to derive the saved editor state. tests/unit/noteDocNodes.test.ts checks the two agree.
 */
export class HeadlessCitationNode extends DecoratorNode<null> {
  __sourceId: number;
  __highlightId: number | null;
  __snapshot: CitationSnapshot;

  static override getType(): string {
    return CITATION_NODE_TYPE;
  }

  static override clone(node: HeadlessCitationNode): HeadlessCitationNode {
    return new HeadlessCitationNode(node.__sourceId, node.__highlightId, node.__snapshot, node.__key);
  }

  static override importJSON(serializedNode: SerializedHeadlessCitation): HeadlessCitationNode {
    const parsed = SerializedCitationSchema.safeParse(serializedNode);
    if (!parsed.success) throw new Error(`A citation in this note is invalid: ${z.prettifyError(parsed.error)}`);
    return $applyNodeReplacement(new HeadlessCitationNode(parsed.data.sourceId, parsed.data.highlightId, parsed.data.snapshot));
  }

  constructor(sourceId: number, highlightId: number | null, snapshot: CitationSnapshot, key?: NodeKey) {
    super(key);
    this.__sourceId = sourceId;
    this.__highlightId = highlightId;
    this.__snapshot = snapshot;
  }

  override exportJSON(): SerializedHeadlessCitation {
    const self = this.getLatest();
    return { ...super.exportJSON(), type: CITATION_NODE_TYPE, version: 1, sourceId: self.__sourceId, highlightId: self.__highlightId, snapshot: { ...self.__snapshot } };
  }

  override getTextContent(): string {
    return citationPlainText(this.__snapshot);
  }

  override createDOM(): HTMLElement {
    throw new Error('A headless citation is never rendered.');
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): true {
    return true;
  }

  override decorate(): null {
    return null;
  }
}

export function $isHeadlessCitationNode(node: LexicalNode | null | undefined): node is HeadlessCitationNode {
  return node instanceof HeadlessCitationNode;
}
