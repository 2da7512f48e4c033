import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/** Test support: exported Markdown read back by the same family of libraries (micromark, GFM). */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm(), frontmatter(['yaml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] });
}

/** The text a reader sees in a node: text, inline code and link text, line breaks as "\n". */
export function plainText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && node.type !== 'yaml' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

export function footnoteDefinitions(root: Root): Map<string, string> {
  const definitions = root.children.filter((node): node is FootnoteDefinition => node.type === 'footnoteDefinition');
  return new Map(definitions.map((definition) => [definition.identifier, plainText(definition)]));
}

/** Every node of the tree, depth first. */
export function allNodes(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? (node.children as Nodes[]).flatMap(allNodes) : [])];
}
