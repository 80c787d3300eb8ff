import { createReadStream, promises as fs } from 'node:fs';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';

/**
 * The console in production: the files Vite built (console/dist), and every other path
 * forwarded to the gateway, so the browser sees one origin (no CORS) and the console's
 * `/auth/...`, `/users`, `/api/<service>/...` calls reach the gateway unchanged. The
 * console routes with the URL hash, so no page path ever needs the server.
 */
export interface ConsoleServerOptions {
  /** The directory `vite build` wrote (index.html and assets/). */
  distDir: string;
  /** The gateway's base URL, e.g. http://127.0.0.1:4100. */
  gatewayUrl: string;
  port?: number;
  host?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

/** react-admin's MUI injects its styles at run time, hence 'unsafe-inline' for styles only. */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** The file a request path names inside the dist directory, or null (never outside it). */
async function fileFor(distDir: string, urlPath: string): Promise<string | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '/index.html') rel = '/index.html';
  // Vite's own bookkeeping is not served.
  if (rel.startsWith('/.vite/')) return null;
  const file = path.resolve(distDir, `.${rel}`);
  if (!file.startsWith(path.resolve(distDir) + path.sep)) return null;
  const stat = await fs.stat(file).catch(() => null);
  return stat?.isFile() ? file : null;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
  const ext = path.extname(file);
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // Hashed asset names never change content; index.html must always be fresh.
    'cache-control': file.includes(`${path.sep}assets${path.sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    vary: 'accept-encoding',
  };
  const gzip =
    COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) headers['content-encoding'] = 'gzip';
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
}

/**
 * The gateway's own liveness, readiness, metrics and OpenAPI document are not forwarded from
 * the public address: probes and Prometheus reach the gateway's port inside the cluster, and
 * the documents are read by signed-in users at `/api/docs`. Express routes case and
 * trailing-slash variants to the same endpoints, so those are refused too.
 */
const GATEWAY_PRIVATE = /^\/+(metrics|healthz|readyz|openapi\.json)\/*$/i;

function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  code: string,
  message: { 'zh-CN': string; en: string },
): void {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(
    JSON.stringify({
      type: `urn:fupin:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title,
      status,
      detail: message.en,
      code,
      message,
    }),
  );
}

function forward(req: IncomingMessage, res: ServerResponse, gateway: URL): void {
  const client = req.socket.remoteAddress ?? '';
  const prior = req.headers['x-forwarded-for'];
  const headers = {
    ...req.headers,
    host: gateway.host,
    'x-forwarded-for': prior ? `${String(prior)}, ${client}` : client,
    'x-forwarded-host': req.headers.host ?? '',
    'x-forwarded-proto': 'http',
  };
  const upstream = http.request(
    {
      protocol: gateway.protocol,
      hostname: gateway.hostname,
      port: gateway.port,
      method: req.method,
      path: req.url,
      headers,
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendProblem(res, 502, 'Bad Gateway', 'CONSOLE_GATEWAY_UNAVAILABLE', {
      'zh-CN': '网关暂时不可用',
      en: 'The gateway is unavailable',
    });
  });
  req.pipe(upstream);
}

export async function serveConsole(
  opts: ConsoleServerOptions,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const distDir = path.resolve(opts.distDir);
  await fs.access(path.join(distDir, 'index.html'));
  const gateway = new URL(opts.gatewayUrl);
  const server = http.createServer((req, res) => {
    const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (GATEWAY_PRIVATE.test(urlPath)) {
      req.resume();
      return sendProblem(res, 404, 'Not Found', 'ROUTE_NOT_FOUND', {
        'zh-CN': `没有这个接口：${req.method} ${urlPath}`,
        en: `No such endpoint: ${req.method} ${urlPath}`,
      });
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      fileFor(distDir, urlPath).then(
        (file) => (file ? sendFile(req, res, file) : forward(req, res, gateway)),
        () => forward(req, res, gateway),
      );
      return;
    }
    forward(req, res, gateway);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
