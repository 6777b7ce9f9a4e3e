/**
 * HtmlTokens cuts a page exactly as the regular expression it stands for (html-tokens.ts), which is
 * what pagefind-record.ts was checked against Pagefind with: on random markup made of the pieces
 * where the two could part (unclosed quotes, comments and tags, `<` in text and in attributes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HtmlTokens, TokenKind } from '../../src/search/html-tokens.ts';

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

interface Cut {
  kind: TokenKind;
  text: string;
  closing?: boolean;
  name?: string;
  attributes?: string;
}

function byExpression(html: string): Cut[] {
  return [...html.matchAll(TOKEN)].map(([token, closing, name, attributes]) => {
    if (name !== undefined) return { kind: TokenKind.Tag, text: token, closing: closing === '/', name, attributes: attributes ?? '' };
    return { kind: token[0] !== '<' || token === '<' ? TokenKind.Text : TokenKind.Skipped, text: token };
  });
}

function byTokens(html: string): Cut[] {
  const cuts: Cut[] = [];
  const tokens = new HtmlTokens(html);
  while (tokens.next()) {
    const text = html.slice(tokens.start, tokens.end);
    if (tokens.kind !== TokenKind.Tag) cuts.push({ kind: tokens.kind, text });
    else cuts.push({ kind: TokenKind.Tag, text, closing: tokens.closing, name: html.slice(tokens.nameStart, tokens.nameEnd), attributes: html.slice(tokens.nameEnd, tokens.end - 1) });
  }
  return cuts;
}

const PIECES = ['<', '>', '/', '!', '-', '--', '"', "'", '=', ' ', '\n', 'a', 'B', 'p', 'div', 'x1', 'ř', '<!--', '-->', '<![CDATA[', ']]>', '<!doctype html>', 'data-pagefind-body', '&amp;'];
const markup = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('HtmlTokens', () => {
  it('cuts a page as the regular expression does', () => {
    const page = `<!doctype html><html lang="cs"><head><title>T</title><!-- c --></head><body><main data-pagefind-body class='x'><p>a < b &amp; <br/>c</p><![CDATA[x]]></main></body></html>`;
    expect(byTokens(page)).toEqual(byExpression(page));
    expect(byTokens(page).filter((cut) => cut.kind === TokenKind.Tag).map((cut) => cut.name)).toEqual(['html', 'head', 'title', 'title', 'head', 'body', 'main', 'p', 'br', 'p', 'main', 'body', 'html']);
  });

  it('cuts random markup as the regular expression does', () => {
    fc.assert(
      fc.property(markup, (html) => {
        expect(byTokens(html)).toEqual(byExpression(html));
      }),
      { numRuns: 20_000 },
    );
  });

  it('goes on from where its end is moved (the text of a script is read past)', () => {
    const html = '<script>if (a<b) x()</script><p>t</p>';
    const tokens = new HtmlTokens(html);
    tokens.next();
    tokens.end = html.indexOf('</script>');
    tokens.next();
    expect([tokens.kind, tokens.closing, html.slice(tokens.nameStart, tokens.nameEnd)]).toEqual([TokenKind.Tag, true, 'script']);
  });
});
