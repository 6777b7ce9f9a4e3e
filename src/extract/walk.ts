import type { ListItem, Nodes, Paragraph, Root } from 'mdast';

/** The blocks extraction looks at one by one, in document order (pre-order, as unist-util-visit visits them). */
export interface Blocks {
  listItems: ListItem[];
  paragraphs: Paragraph[];
}

/** One walk of the tree for tasks and announcements, instead of one each. */
export function blocksOf(tree: Root): Blocks {
  const blocks: Blocks = { listItems: [], paragraphs: [] };
  const walk = (node: Nodes): void => {
    if (node.type === 'listItem') blocks.listItems.push(node);
    else if (node.type === 'paragraph') blocks.paragraphs.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return blocks;
}
