/**
 * Random Markdown documents for holding the fast parse to remark's: the constructs of a minute in
 * their awkward forms (spaces around line breaks, lazy and indented continuation lines, loose and
 * nested lists, task markers, emphasis that does not close, code spans, links, autolinks) and, more
 * rarely, what the fast parse must refuse (quotes, code blocks, tables, HTML, setext headings,
 * escapes, bare URLs and e-mail addresses).
 */
import { prng } from '../../src/bench/generate.ts';

export function markdownSamples(count: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const spaces = (max: number) => ' '.repeat(Math.floor(random() * (max + 1)));

  const WORDS = ['Naděje', 'azylový', 'dům', 'kapacita', 'ŘPS', 'Liberec', 'je', 'plná', 'v', 'o', '2020', '14:00', '—', '–', '@Jana', 'Nováková', '(MML)', '„KPSS“', 'č.', '3.', 'a/b', 'x_y', '#', '!', '?', ':', '-', '+', '*', '_', '[', ']', '<', '>', '"', "'", '=', '|', '1)', '👍'];
  // Words a fast parse must take: no emphasis markers of their own.
  const PLAIN_WORDS = WORDS.filter((w) => !/[*_]/.test(w));
  const RARE = ['\\*', '&amp;', '~~pryč~~', '~', 'www.liberec.cz', 'https://liberec.cz', 'jana@liberec.cz', '<b>tučně</b>', '![obr](a.png)', '[odkaz][ref]', '[^1]', '\t', '<jana@liberec.cz>', '<!-- x -->'];

  // Most documents keep to what the fast parse knows, so that it, not the refusal, is what is tested.
  let exotic = false;
  const word = () => (exotic ? (chance(0.02) ? pick(RARE) : pick(WORDS)) : pick(PLAIN_WORDS));
  const plain = (n: number) => Array.from({ length: n }, word).join(' ');
  const inline = (depth = 0): string => {
    const parts: string[] = [];
    const n = 1 + Math.floor(random() * 5);
    for (let i = 0; i < n; i++) {
      const r = random();
      if (depth < 2 && r < 0.12) parts.push(`**${inline(depth + 1)}**`);
      else if (depth < 2 && r < 0.2) parts.push(`${pick(['*', '_'])}${inline(depth + 1)}${pick(['*', '_', ''])}`);
      else if (depth < 2 && r < 0.24) parts.push(`__${inline(depth + 1)}__`);
      else if (exotic && r < 0.26) parts.push(`\`${spaces(1)}${plain(2)}${spaces(1)}\``);
      else if (depth < 2 && r < 0.35) parts.push(`[${inline(depth + 1)}](${pick(['https://kpss.cz/a', '/zapisy/', 'a b', ''])}${pick(['', ' "titulek"', " 'x'"])})`);
      else if (r < 0.38) parts.push(`<${pick(['https://kpss.cz/x?y=1', 'mailto:a@b.cz', 'ftp://a'])}>`);
      else parts.push(plain(1 + Math.floor(random() * 6)));
    }
    return parts.join(exotic ? pick([' ', ' ', '', '  ']) : pick([' ', ' ', '  ']));
  };
  const lines = (indent: string) => {
    const count = 1 + Math.floor(random() * 3);
    return Array.from({ length: count }, (_, i) => `${i === 0 ? '' : chance(0.5) ? indent : spaces(3)}${inline()}${chance(0.3) ? spaces(3) : ''}`).join('\n');
  };
  const list = (indent: string, depth: number): string => {
    const ordered = chance(0.4);
    const bullet = pick(['-', '*', '+']);
    const delimiter = pick(['.', ')']);
    let number = pick([1, 1, 1, 0, 3, 10, 99]);
    const items: string[] = [];
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      const marker = ordered ? `${number++}${delimiter}` : bullet;
      const inner = indent + ' '.repeat(marker.length + 1);
      let item = `${indent}${marker}${chance(0.05) ? '' : ' '}${chance(0.2) ? `${pick(['[ ]', '[x]', '[X]', '[ ]'])}${pick([' ', ' ', ''])}` : ''}${chance(0.05) ? '' : lines(inner)}`;
      if (chance(0.2)) item += `\n${chance(0.5) ? '\n' : ''}${inner}${lines(inner)}`;
      if (depth < 2 && chance(0.25)) item += `\n${chance(0.3) ? '\n' : ''}${list(inner, depth + 1)}`;
      items.push(item);
    }
    return items.join(chance(0.3) ? '\n\n' : '\n');
  };
  const block = (): string => {
    const r = random();
    if (r < 0.35) return `${spaces(2)}${lines('')}`;
    if (r < 0.5) return `${'#'.repeat(1 + Math.floor(random() * 6))}${pick([' ', ' ', ''])}${chance(0.9) ? inline() : ''}${chance(0.2) ? ` ${'#'.repeat(1 + Math.floor(random() * 3))}` : ''}${spaces(2)}`;
    if (r < 0.85) return list(chance(0.8) ? '' : spaces(3), 0);
    if (r < 0.9 || !exotic) return pick(['---', '***', '- - -', '___', ' * * *']);
    return pick(['> citace', '    kód', '```\nkód\n```', '| a | b |\n| - | - |\n| 1 | 2 |', '<div>x</div>', 'Nadpis\n===', 'Nadpis\n---', '[ref]: https://kpss.cz']);
  };

  return Array.from({ length: count }, () => {
    exotic = chance(0.3);
    const frontmatter = chance(0.8) ? `---\ntitle: ${plain(3)}\ndate: 2020-01-0${1 + Math.floor(random() * 9)}\n---\n${chance(0.7) ? '\n' : ''}` : '';
    const blocks = Array.from({ length: 1 + Math.floor(random() * 6) }, block);
    return `${frontmatter}${blocks.join(pick(['\n\n', '\n', '\n\n\n']))}${pick(['\n', '', '\n\n', '  \n'])}`;
  });
}
