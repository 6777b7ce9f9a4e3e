/**
 * View objects shared by many pages stand in a page's data hash as a digest of their content
 * (src/render/shared-in-pages.ts): the hash must still change whenever what the page shows does.
 */
import { describe, expect, it } from 'vitest';
import { sharedInPages } from '../../src/render/shared-in-pages.ts';

const card = (topic: string) => sharedInPages({ id: '2024-01-08-cizinci', topics: [topic], group: { id: 'cizinci', label: 'Cizinci' } });

describe('an object shared by many pages', () => {
  it('is written into a page hash as a short digest that follows its content, nested ones included', () => {
    const page = (shown: object) => JSON.stringify({ title: 'Skupina Cizinci', meetings: [shown, shown] });
    const same = page(card('Rozpočet'));
    expect(page(card('Rozpočet'))).toBe(same);
    expect(page(card('Rozpočet 2025'))).not.toBe(same);
    expect(same.length).toBeLessThan(JSON.stringify({ title: 'Skupina Cizinci', meetings: [{ ...card('Rozpočet') }, { ...card('Rozpočet') }] }).length);
    const update = (topic: string) => sharedInPages({ html: '<p>Nová služba.</p>', meeting: card(topic) });
    expect(JSON.stringify(update('Rozpočet'))).toBe(JSON.stringify(update('Rozpočet')));
    expect(JSON.stringify(update('Rozpočet'))).not.toBe(JSON.stringify(update('Dotace')));
  });

  it('is written as a digest of what it is made of, when that is given, without its content being read', () => {
    let reads = 0;
    const update = (analysis: string | undefined, position: number) => {
      const value = { organization: { id: 'nadeje' } };
      Object.defineProperty(value, 'html', { enumerable: true, get: () => (reads++, '<p>Nová služba.</p>') });
      return sharedInPages(value, () => (analysis === undefined ? undefined : [analysis, position, value.organization]));
    };
    const digest = JSON.stringify(update('klic-1', 3));
    expect(reads).toBe(0);
    expect(JSON.stringify(update('klic-1', 3))).toBe(digest);
    expect(JSON.stringify(update('klic-2', 3))).not.toBe(digest);
    expect(JSON.stringify(update('klic-1', 4))).not.toBe(digest);
    expect(reads).toBe(0);
    // Without it, the content stands for the object.
    expect(JSON.stringify(update(undefined, 3))).not.toBe(digest);
    expect(reads).toBe(1);
  });

  it('is to templates, spreads and deep equality the object it was', () => {
    const shared = card('Rozpočet');
    expect(Object.keys(shared)).toEqual(['id', 'topics', 'group']);
    expect({ ...shared, checked: true }).toEqual({ id: '2024-01-08-cizinci', topics: ['Rozpočet'], group: { id: 'cizinci', label: 'Cizinci' }, checked: true });
    expect(JSON.parse(JSON.stringify({ ...shared }))).toEqual(shared);
  });
});
