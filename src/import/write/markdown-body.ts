import type { Block } from '../recognise/types.ts';

/**
 * The body as Markdown. Points keep their numbers and nesting; what belongs under a point is
 * indented to its text. Blank lines: always around paragraphs (Markdown needs them), between
 * points where the document had one (a loose list stays loose), and after a point with paragraphs.
 */
export function renderBody(blocks: readonly Block[]): string {
  return renderBlocks(blocks, '').join('\n');
}

function renderBlocks(blocks: readonly Block[], indent: string): string[] {
  const lines: string[] = [];
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    if (previous && needsBlank(previous, block)) lines.push('');
    if (block.kind === 'paragraph') {
      lines.push(indent + escapeLineStart(block.text));
      return;
    }
    const marker = block.ordered ? `${block.number}. ` : '- ';
    lines.push(indent + marker + escapeLineStart(block.text));
    const first = block.children[0];
    if (first && (first.kind === 'paragraph' || first.blankBefore)) lines.push('');
    lines.push(...renderBlocks(block.children, indent + ' '.repeat(marker.length)));
  });
  return lines.map((line) => (line.trim() ? line : ''));
}

function needsBlank(previous: Block, next: Block): boolean {
  if (previous.kind === 'paragraph' || next.kind === 'paragraph' || next.blankBefore) return true;
  return previous.kind === 'item' && previous.children.some((child) => child.kind === 'paragraph');
}

/**
 * Text that Markdown would read as structure where it begins a line: a heading "#", a quote ">",
 * a numbered point "6. 4. 2020 proběhne…" (a date, not a point), a rule "---".
 */
function escapeLineStart(text: string): string {
  return text
    .replace(/^(#{1,6}\s|>|\+\s)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(\s)/, '$1\\$2$3')
    .replace(/^([-*_=])(\s*\1){2,}\s*$/, (rule) => `\\${rule}`);
}
