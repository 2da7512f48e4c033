import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { CitationNode } from './CitationNode';

/**
 * The one registry of node classes a note may contain. A saved note with any other node type is
 * refused by the shared reader (NOTE_NODE_TYPES in src/shared/notes/readEditorState.ts), which must
 * list the same types; a test checks they agree.
 */
export const NOTE_NODES: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, CitationNode];
