/**
 * A small static server for the built site under its base path, used by `minutes serve` (with live
 * reload) and by the browser tests. Live reload is Server-Sent Events plus a script file the server
 * adds to HTML responses, so it works under the site's Content-Security-Policy.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeBasePath } from './urls.ts';

const RELOAD_CLIENT = fileURLToPath(new URL('./dev/reload-client.js', import.meta.url));
const DEV_PREFIX = '__minutes/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface ServerOptions {
  /** The built site directory (read on every request, so rebuilds show up at once). */
  root: string;
  basePath?: string;
  port?: number;
  host?: string;
  liveReload?: boolean;
}

export interface RunningServer {
  /** The site's address, base path included: http://localhost:8080/zapisy/ */
  url: string;
  port: number;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const basePath = normalizeBasePath(options.basePath);
  const clients = new Set<http.ServerResponse>();

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Chyba serveru: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'Chybná adresa.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' });
      return void response.end();
    }
    if (!pathname.startsWith(basePath)) {
      if (pathname === '/' || pathname === basePath.slice(0, -1)) return redirect(response, basePath);
      return notFound(response);
    }
    const inner = pathname.slice(basePath.length);
    if (options.liveReload && inner === `${DEV_PREFIX}events`) return events(request, response);
    if (options.liveReload && inner === `${DEV_PREFIX}reload.js`) {
      return send(response, 200, TYPES['.js']!, await readFile(RELOAD_CLIENT));
    }
    const file = path.resolve(root, `.${path.posix.normalize(`/${inner}`)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound(response);
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) return redirect(response, `${url.pathname}/${url.search}`);
      return serveFile(response, path.join(file, 'index.html'), 200, request.method === 'HEAD');
    }
    if (info?.isFile()) return serveFile(response, file, 200, request.method === 'HEAD');
    return notFound(response);
  }

  async function serveFile(response: http.ServerResponse, file: string, status: number, headOnly: boolean): Promise<void> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return notFound(response);
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (type.startsWith('text/html') && options.liveReload) {
      const html = (await readFile(file, 'utf8')).replace(
        /<\/body>/i,
        `<script src="${basePath}${DEV_PREFIX}reload.js" defer></script></body>`,
      );
      return send(response, status, type, headOnly ? '' : html);
    }
    response.writeHead(status, { 'content-type': type, 'content-length': info.size, 'cache-control': 'no-store' });
    if (headOnly) return void response.end();
    createReadStream(file).pipe(response);
  }

  async function notFound(response: http.ServerResponse): Promise<void> {
    const page = path.join(root, '404.html');
    const exists = await stat(page).catch(() => undefined);
    if (exists?.isFile()) return serveFile(response, page, 404, false);
    return send(response, 404, 'text/plain; charset=utf-8', 'Stránka nenalezena.');
  }

  function events(request: http.IncomingMessage, response: http.ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': spojeno\n\n');
    clients.add(response);
    request.on('close', () => clients.delete(response));
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  const host = options.host ?? '127.0.0.1';

  return {
    url: `http://${host}:${port}${basePath}`,
    port,
    reload() {
      for (const client of clients) client.write('event: reload\ndata: {}\n\n');
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function redirect(response: http.ServerResponse, location: string): void {
  response.writeHead(302, { location });
  response.end();
}
