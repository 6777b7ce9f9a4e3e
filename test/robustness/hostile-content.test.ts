/**
 * Hostile content never becomes script on the site. A project with the usual XSS payloads in the
 * body, the frontmatter, an organization's name and aliases, attendee names and links is built
 * like production (validate → model → render → Pagefind); then every output file is scanned, and
 * the hostile minute is opened in Chromium, where no dialog may open and no content may trip the CSP.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { checkArchive } from '../../src/pipeline/check-archive.ts';
import { startServer, type RunningServer } from '../../src/render/dev-server.ts';
import { describeWithChromium, launchChromium } from '../helpers/browser.ts';
import { ROOT, listFiles } from '../site/support.ts';

const BASE = '/zapisy/';
const ALERT = 'alert(1)';

const ORGANIZATION = `name: "Zlá <script>alert(1)</script> organizace"
short: "<img src=x onerror=alert(1)>"
aliases:
  - "\\"><svg onload=alert(1)>"
  - "Zlý spolek"
kind: NNO
description: "<iframe src=javascript:alert(1)></iframe> {{ 7 * 7 }} {% raw %}"
contacts:
  - label: "<b onmouseover=alert(1)>kontakt</b>"
    email: info@zly-spolek.cz
`;

const MINUTE = `---
title: "\\"><script>alert(1)</script>"
date: 2021-11-08
time: "09:00"
group: cizinci
venue: "<img src=x onerror=alert(1)>"
attendees:
  - "<svg/onload=alert(1)>"
  - name: "\\" onmouseover=\\"alert(1)"
    organization: zly-spolek
    role: "</title><script>alert(1)</script>"
guests:
  - "javascript:alert(1)"
topics:
  - "<script>alert(1)</script>"
  - "[klik](javascript:alert(1))"
recorder: "<a href=javascript:alert(1)>x</a>"
next_meetings:
  - "2022-01-10 14:00"
---

<script>alert(1)</script>

<img src=x onerror=alert(1)>

<iframe src="javascript:alert(1)"></iframe>

<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">

<svg><script>alert(1)</script></svg>

<a href="javascript:alert(1)">odkaz</a> <form action="javascript:alert(1)"><button>x</button></form>

[odkaz](javascript:alert(1)) [velká](JaVaScRiPt:alert(1)) [entita](&#106;avascript:alert(1)) [tab](jav&#x09;ascript:alert(1))

<javascript:alert(1)> [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [vb](vbscript:msgbox(1))

![obrázek](javascript:alert(1)) ![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)

[ref]: javascript:alert(1)
[reference][ref]

\`<script>alert(1)</script>\` &lt;script&gt;alert(1)&lt;/script&gt;

\`\`\`html
<script>alert(1)</script>
\`\`\`

| <img src=x onerror=alert(1)> | x |
| --- | --- |
| [t](javascript:alert(1)) | <b onclick=alert(1)>b</b> |

- **Zlý spolek.** Informace <img src=x onerror=alert(1)> a [odkaz](javascript:alert(1)).
- **<script>alert(1)</script>.** Neznámá organizace.
- [ ] Úkol <img src=x onerror=alert(1)> do 2021-12-01
- Usnesení: <script>alert(1)</script>

Příští jednání 10. 1. 2022 <style>body{display:none}</style>
`;

let work: string;
let site: string;
let files: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kpss-hostile-'));
  const project = path.join(work, 'project');
  await mkdir(path.join(project, 'minutes', '2021'), { recursive: true });
  await cp(path.join(ROOT, 'minutes.config.yaml'), path.join(project, 'minutes.config.yaml'));
  await cp(path.join(ROOT, 'organizations'), path.join(project, 'organizations'), { recursive: true });
  await cp(path.join(ROOT, 'minutes', '2021'), path.join(project, 'minutes', '2021'), { recursive: true });
  await writeFile(path.join(project, 'organizations', 'zly-spolek.yaml'), ORGANIZATION);
  await writeFile(path.join(project, 'minutes', '2021', '2021-11-08-cizinci.md'), MINUTE);
  const checked = await checkArchive(project);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  site = path.join(work, '_site');
  const result = await buildSite({ root: project, outDir: site, basePath: BASE });
  expect(result.ok).toBe(true);
  files = await listFiles(site);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const decodeEntities = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a browser would run or frame, in one HTML document. */
function problemsOfHtml(html: string, where: string): string[] {
  const problems: string[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>/g)) {
    const [whole, name, attributes] = tag as unknown as [string, string, string];
    const lower = name.toLowerCase();
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base'].includes(lower)) problems.push(`${where}: <${lower}>`);
    if (lower === 'script') {
      const src = /\ssrc="([^"]*)"/.exec(attributes)?.[1];
      if (!src || !(src.startsWith(BASE) || src.startsWith('/')) || /^\/\//.test(src)) problems.push(`${where}: ${whole}`);
    }
    if (/\son[a-z]+\s*=/i.test(attributes)) problems.push(`${where}: event handler in ${whole}`);
    for (const value of attributes.matchAll(/\s(?:href|src|action|formaction|xlink:href|poster|data)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const url = decodeEntities(value[2] ?? value[3] ?? value[4] ?? '').replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (/^(?:javascript|vbscript|data):/.test(url) && !(lower === 'img' && url.startsWith('data:image/png'))) {
        problems.push(`${where}: URL ${url.slice(0, 40)} in <${lower}>`);
      }
    }
  }
  // Inline script bodies: a <script src> must be empty.
  for (const body of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (body[1]!.trim()) problems.push(`${where}: inline script`);
  }
  return problems;
}

describe('hostile content', () => {
  it('builds, and the payloads are on the site as text', async () => {
    expect(files).toContain('zapisy/2021-11-08-cizinci/index.html');
    expect(files).toContain('organizace/zly-spolek/index.html');
    const page = await readFile(path.join(site, 'zapisy/2021-11-08-cizinci/index.html'), 'utf8');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('has no script, event handler, javascript: URL or frame in any HTML page', async () => {
    const problems: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      problems.push(...problemsOfHtml(await readFile(path.join(site, file), 'utf8'), file));
    }
    expect(problems).toEqual([]);
  });

  it('has none in the HTML carried by the feed, the calendars and the open data either', async () => {
    const problems: string[] = [];
    for (const file of files.filter((f) => /\.(?:xml|ics|json)$/.test(f) && !f.startsWith('pagefind/'))) {
      const text = await readFile(path.join(site, file), 'utf8');
      if (file.endsWith('.xml')) {
        for (const content of text.matchAll(/<(content|summary)[^>]*type="html"[^>]*>([\s\S]*?)<\/\1>/g)) {
          problems.push(...problemsOfHtml(decodeEntities(content[2]!), file));
        }
        expect(text, file).not.toMatch(/<script|\son\w+=/i);
      }
      if (file.endsWith('.ics')) {
        for (const line of text.split(/\r?\n/).filter((l) => /^URL[;:]/.test(l))) {
          if (!/^URL(?:;[^:]*)?:https?:/.test(line)) problems.push(`${file}: ${line}`);
        }
      }
      if (file.endsWith('.json')) {
        const walk = (value: unknown, key: string): void => {
          if (typeof value === 'string') {
            if (/url|href|link|website|src/i.test(key) && /^\s*(?:javascript|vbscript|data):/i.test(value)) problems.push(`${file}: ${key}=${value}`);
            if (/html/i.test(key)) problems.push(...problemsOfHtml(value, `${file} ${key}`));
          } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
          else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
        };
        walk(JSON.parse(text), '');
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every page a Content-Security-Policy that allows only the site’s own scripts', async () => {
    const missing: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = await readFile(path.join(site, file), 'utf8');
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
      const scriptSrc = csp?.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
      if (!csp || scriptSrc !== "script-src 'self' 'wasm-unsafe-eval'" || !/object-src 'none'/.test(csp) || !/base-uri 'self'/.test(csp)) {
        missing.push(`${file}: ${csp ?? 'no CSP'}`);
      }
      // The meta tag must come before anything that could run.
      const cspAt = html.indexOf('Content-Security-Policy');
      const firstScript = html.search(/<script/i);
      if (firstScript >= 0 && firstScript < cspAt) missing.push(`${file}: script before the CSP`);
    }
    expect(missing).toEqual([]);
  });

  it('rejects a javascript: website of an organization (the schema allows only http and https)', async () => {
    const project = path.join(work, 'bad-website');
    await mkdir(path.join(project, 'organizations'), { recursive: true });
    await cp(path.join(ROOT, 'minutes.config.yaml'), path.join(project, 'minutes.config.yaml'));
    await writeFile(path.join(project, 'organizations', 'zly.yaml'), 'name: Zlý\nkind: NNO\nwebsite: "javascript:alert(1)"\n');
    const { diagnostics } = await checkArchive(project);
    expect(diagnostics.map((d) => `${d.rule} ${d.line}:${d.column}`)).toEqual(['invalid-type 3:10']);
  });
});

describeWithChromium('hostile content in Chromium', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ root: site, basePath: BASE, liveReload: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(['zapisy/2021-11-08-cizinci/', 'organizace/zly-spolek/', 'organizace/', ''])('%s runs no script of the content', async (page) => {
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      const dialogs: string[] = [];
      const violations: string[] = [];
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      tab.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      tab.on('pageerror', (error) => violations.push(String(error)));
      await tab.goto(`${server.url}${page}`, { waitUntil: 'load' });
      // Hovering and clicking what the payloads would have hooked.
      await tab.mouse.move(10, 10);
      await tab.mouse.move(300, 300);
      const injected = await tab.evaluate(() => document.querySelectorAll('iframe, object, embed, [onerror], [onload], [onclick], [onmouseover]').length);
      await tab.waitForTimeout(200);
      expect(dialogs).toEqual([]);
      expect(violations).toEqual([]);
      expect(injected).toBe(0);
      expect(ALERT).toBe('alert(1)');
    } finally {
      await browser.close();
    }
  });
});
