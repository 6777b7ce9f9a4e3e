import { fold } from '../../text/normalize.ts';

// The letterhead of every KPSS document, as letters only: spacing, case and line breaks vary.
const FULL = 'komunitniplanovanisocialnichsluzebregionuliberec';
const REQUIRED = 'komunitniplanovanisocialnichsluzeb';
const ENDINGS = new Set([REQUIRED, `${REQUIRED}regionu`, FULL]);
const MAX_LINES = 14;

export interface HeaderBlock {
  start: number;
  /** Index after the block, including a group's name written right under it. */
  end: number;
  /** The group's name under the letterhead, when there is one: it tells the document's group. */
  groupLine?: string;
}

const letters = (line: string) => fold(line).replace(/[^a-z]/g, '');

/**
 * Every "KOMUNITNÍ / PLÁNOVÁNÍ / SOCIÁLNÍCH / S L U Ž E B / R E G I O N U / L I B E R E C"
 * letterhead in the lines: one word a line or several, letters spaced out or not, blank lines in
 * between, optionally followed by the group's name (told by `isGroupName`).
 */
export function findHeaderBlocks(lines: readonly string[], isGroupName: (line: string) => boolean): HeaderBlock[] {
  const blocks: HeaderBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = letters(lines[i]!);
    if (!first || !FULL.startsWith(first)) continue;
    let seen = '';
    let end = -1;
    for (let j = i; j < lines.length && j - i < MAX_LINES; j++) {
      const here = letters(lines[j]!);
      if (!here) {
        if (lines[j]!.trim() === '') continue;
        break;
      }
      if (!FULL.startsWith(seen + here)) break;
      seen += here;
      if (ENDINGS.has(seen)) end = j + 1;
    }
    if (end < 0) continue;
    const block: HeaderBlock = { start: i, end };
    const next = nextNonBlank(lines, end);
    if (next !== undefined && next - end <= 1 && isGroupName(lines[next]!.trim())) {
      block.end = next + 1;
      block.groupLine = lines[next]!.trim();
    }
    blocks.push(block);
    i = block.end - 1;
  }
  return blocks;
}

function nextNonBlank(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) if (lines[i]!.trim() !== '') return i;
  return undefined;
}
