/**
 * The directly written HTML (fast-html.ts) is the unified pipeline's, byte for byte, for whatever
 * it takes: random documents with every construct of a minute in its awkward forms, a generated
 * archive with the content extraction cuts out of it, the real minutes and the fixtures.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Nodes, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { extractionContext } from '../../src/extract/context.ts';
import { extractMinute } from '../../src/extract/extract-minute.ts';
import { fastHtmlOf } from '../../src/model/fast-html.ts';
import { htmlOf, pipelineHtmlOf } from '../../src/model/html.ts';
import { parseMinute } from '../../src/parse/parse-minute.ts';
import { loadRegisters } from '../../src/registers/load-registers.ts';
import { projectPaths } from '../../src/registers/project.ts';
import { validateMinute } from '../../src/validate/validate-minute.ts';
import { generatedArchiveForTests, markdownFilesUnder } from '../helpers/generated-archive.ts';
import { markdownSamples } from '../parse/markdown-samples.ts';

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const REPO = path.resolve(import.meta.dirname, '../..');

/** Node lists as htmlOf meets them and harder: a whole body, each block, a block's children alone. */
function nodeListsOf(children: readonly RootContent[]): RootContent[][] {
  const lists: RootContent[][] = [children.slice()];
  const visit = (node: Nodes) => {
    if (!('children' in node)) return;
    // A list's items are never content of their own.
    if (node.type !== 'list') lists.push(node.children.slice() as RootContent[]);
    for (const child of node.children) {
      if (child.type === 'listItem') {
        visit(child);
        continue;
      }
      lists.push([child as RootContent]);
      visit(child);
    }
  };
  for (const child of children) visit(child);
  return lists;
}

/** How many of the lists fast-html took; each it took is checked against the pipeline. */
function expectPipelinesHtml(lists: readonly RootContent[][]): number {
  let taken = 0;
  for (const nodes of lists) {
    const fast = fastHtmlOf(nodes);
    if (fast === undefined) continue;
    taken++;
    expect({ nodes, html: fast.trim() }).toEqual({ nodes, html: pipelineHtmlOf(nodes) });
  }
  return taken;
}

describe('directly written HTML', () => {
  it.each([1, 2, 3])('is the pipeline’s for every node list of random documents it takes (seed %i)', (seed) => {
    const lists = markdownSamples(300, seed).flatMap((text) => nodeListsOf(remark.parse(text).children));
    const taken = expectPipelinesHtml(lists);
    expect(taken).toBeGreaterThan(lists.length * 0.6);
  });

  it('is the pipeline’s for the real minutes and the fixtures', async () => {
    const documents = [...(await markdownFilesUnder(path.join(REPO, 'minutes'))), ...(await markdownFilesUnder(path.join(REPO, 'test')))];
    const lists = documents.flatMap((text) => nodeListsOf(remark.parse(text).children));
    expect(expectPipelinesHtml(lists)).toBeGreaterThan(lists.length / 2);
  });

  describe('on a generated archive', () => {
    const generated = generatedArchiveForTests({ minutes: 200, seed: 11 });

    it('takes every body and every extracted content, as the pipeline writes them', async () => {
      const paths = projectPaths(generated());
      const registers = await loadRegisters(paths);
      const context = extractionContext(registers);
      const files = (await readdir(paths.minutes, { recursive: true })).filter((file) => file.endsWith('.md'));
      let contents = 0;
      for (const file of files) {
        const full = path.join(paths.minutes, file);
        const parsed = parseMinute({ path: file, text: await readFile(full, 'utf8') });
        const { minute } = validateMinute(parsed, registers, paths, full);
        const { extracted } = extractMinute(minute!, context);
        const lists = [parsed.tree.children.filter((node) => node.type !== 'yaml'), ...[...extracted.updates, ...extracted.decisions].map((item) => item.content.nodes)];
        contents += lists.length - 1;
        expect({ file, taken: expectPipelinesHtml(lists) }).toEqual({ file, taken: lists.length });
      }
      expect(files.length).toBe(200);
      expect(contents).toBeGreaterThan(200);
    });
  });

  it.each([
    ['a task list with a loose item', '- [ ] první\n\n  dál\n- [x] druhý\n'],
    ['a hard break before emphasis', 'a  \n   *b*\n'],
    ['a link with a title and characters to escape', '[„x“ & y < 3](https://kpss.cz/a?b=1&c="d" \'t & "u" `v`\')\n'],
    ['an ordered list from 3', '3. a\n4. b\n'],
  ])('is the pipeline’s for %s', (_, text) => {
    const nodes = remark.parse(text).children;
    expect(fastHtmlOf(nodes)).toBeDefined();
    expect(htmlOf(nodes)).toBe(pipelineHtmlOf(nodes));
  });

  it('trims the spaces after a hard break as the pipeline does, in nodes no parse gives', () => {
    const text = (value: string) => ({ type: 'text' as const, value });
    const nodes: RootContent[] = [
      {
        type: 'paragraph',
        children: [text('a'), { type: 'break' }, text(' \t b'), { type: 'break' }, { type: 'emphasis', children: [text('  c')] }, { type: 'break' }, { type: 'break' }, text('  d')],
      },
    ];
    expect(fastHtmlOf(nodes)).toBe('<p>a<br>\nb<br>\n<em>c</em><br>\n<br>\nd</p>');
    expect(pipelineHtmlOf(nodes)).toBe(fastHtmlOf(nodes));
  });

  it.each([
    ['a javascript: link', '[x](javascript:alert(1))\n'],
    ['an image', '![obr](a.png)\n'],
    ['a code span', 'kód `x`\n'],
    ['a table', '| a |\n| - |\n| b |\n'],
    ['a block quote', '> citace\n'],
  ])('leaves %s to the pipeline', (_, text) => {
    const nodes = remark.parse(text).children;
    expect(fastHtmlOf(nodes)).toBeUndefined();
    expect(htmlOf(nodes)).toBe(pipelineHtmlOf(nodes));
  });
});
