import path from 'node:path';
import type { Block, MinuteFields } from '../recognise/types.ts';
import { renderFrontmatter } from './frontmatter.ts';
import { renderBody } from './markdown-body.ts';

/** A whole minute file: YAML frontmatter, a blank line, the body, one final newline. */
export function renderMinute(fields: MinuteFields, body: readonly Block[], source: string): string {
  const text = renderBody(body);
  return `---\n${renderFrontmatter(fields, source)}---\n${text ? `\n${text}\n` : ''}`;
}

/** `<out>/<YYYY>/<YYYY-MM-DD>-<group>.md`: the archive's own file naming. */
export function minutePath(outDir: string, fields: Pick<MinuteFields, 'date' | 'group'>): string {
  return path.join(outDir, fields.date.slice(0, 4), `${fields.date}-${fields.group}.md`);
}

/** `source`: the input's name without its extension, as the committed minutes cite it. */
export function sourceName(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '');
}
