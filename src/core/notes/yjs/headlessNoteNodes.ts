import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { HeadlessCitationNode } from './HeadlessCitationNode';

/** The note editor's node registry (src/renderer/src/editor/nodes/noteNodes.ts), headless. */
export const HEADLESS_NOTE_NODES: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, HeadlessCitationNode];
