/**
 * The minutes' processor skips GFM's literal-autolink transform on trees that cannot hold a bare
 * URL or address; the trees must be those of plain remark-gfm, links or not.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownProcessor } from '../../src/parse/processor.ts';

const plainGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

const CASES = {
  'no address': '---\ntitle: x\n---\n\n- **Naděje.** Nic nového.\n- [ ] Úkol — @Jana Nová, do 2024-02-01\n\n| a | b |\n|---|---|\n| ~~c~~ | d |\n',
  'bare URL': 'Viz https://www.liberec.cz/cz/ a http://example.org/a_b).',
  'www only': 'Web WWW.Nadeje.cz a www.example.com/cesta?x=1.',
  'e-mail': 'Pište na jana.nova@example.cz nebo mailto:info@example.org, xmpp:jana@example.org/mobil.',
  'e-mail across an escape': 'Adresa jana\\_nova@example.cz.',
  '@ as an entity': 'Adresa jana&#64;example.cz a jan&commat;example.cz.',
  'in a link already': '[https://example.org](https://example.org) a <https://example.org/b>.',
  'in a table and a list': '| web |\n|---|\n| www.example.com |\n\n- a info@example.cz\n  - b https://x.cz',
  'an @ without an address': 'Skupina @ komunita, 14 @ 15.',
};

describe('markdown processor', () => {
  it.each(Object.entries(CASES))('parses %s as remark-gfm does', (_, markdown) => {
    expect(markdownProcessor.parse(markdown)).toEqual(plainGfm.parse(markdown));
  });

  it('has the literal-autolink transform wrapped, so the skip is in effect', () => {
    const transforms = (markdownProcessor.data('fromMarkdownExtensions') ?? [])
      .flat()
      .flatMap((extension) => extension.transforms ?? []);
    const original = (plainGfm.data('fromMarkdownExtensions') ?? []).flat().flatMap((extension) => extension.transforms ?? []);
    expect(transforms).toHaveLength(original.length);
    expect(original.length).toBeGreaterThan(0);
    expect(transforms.some((t) => !original.includes(t))).toBe(true);
  });
});
