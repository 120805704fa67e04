import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { Dispatch } from '../core/router';
import { answerUiRequest } from '../core/ui-files';
import { fail, type ErrorCode, type Result } from '../shared/result';
import { decodeUtf8 } from '../shared/text';

// The contract over HTTP on 127.0.0.1, and the built UI beside it, so the same renderer runs in
// a browser. Loopback only; Host and Origin are checked so a web page elsewhere cannot reach it
// through DNS rebinding or a cross-site form. And a key made afresh at every start, printed in
// the address, must come with every operation: another program on this computer, or another
// person's account on a shared one, cannot call /rpc without it.
//
// The browser gets the key once: opening the printed address (…/?key=…) sets it as a cookie for
// this server only (HttpOnly, SameSite=Strict, named after the port) and sends the browser on to
// the address without it. Programs send it as the X-MHEA-Key header.

export interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Larger limits for the few operations that carry files (photos), by operation name. */
  maxBodyBytesByOperation?: Record<string, number>;
  /** The key operations must carry; made afresh (random) when not given. */
  key?: string;
}

export interface RunningWebServer {
  /** The address to open in a browser, with the key: http://127.0.0.1:PORT/?key=… */
  url: string;
  /** The same address without the key. */
  origin: string;
  port: number;
  key: string;
  close(): Promise<void>;
}

/** The header programs send the key in. */
export const KEY_HEADER = 'x-mhea-key';
/** The cookie the browser keeps the key in: one per port, so two servers on one computer do not clash. */
export const keyCookieName = (port: number) => `mhea-key-${port}`;

/** A key for one start of the server: 32 random bytes, URL-safe. */
export function newServerKey(): string {
  return randomBytes(32).toString('base64url');
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  UNKNOWN_OPERATION: 404,
  FORBIDDEN: 403,
  // The server's own storage failed the request: not the caller's fault, and not a bug.
  DISK_FULL: 507, // Insufficient Storage
  READ_ONLY: 503,
  PERMISSION_DENIED: 503,
  LOCKED: 423, // Locked: try again once the other process has finished
  DATABASE_DAMAGED: 503,
  INTERNAL: 500,
};

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Operations that carry whole files and may send more than the default, one line each. */
export const MAX_BODY_BYTES_BY_OPERATION: Record<string, number> = {
  // 50 MB of JSON text, plus room for the escaping of it inside the request's own JSON.
  'exchange.import': 64 * 1024 * 1024,
  'exchange.verify': 64 * 1024 * 1024,
  // A 15 MB photo is about 20 MB as base64 in JSON.
  'photos.add': 25 * 1024 * 1024,
};

export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxBodyFor = options.maxBodyBytesByOperation ?? MAX_BODY_BYTES_BY_OPERATION;
  const rendererDir = path.resolve(options.rendererDir);
  const key = options.key ?? newServerKey();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Web door failed on', req.method, req.url, error);
      if (!res.headersSent) sendJson(res, fail('INTERNAL', 'The local server failed to answer'));
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const port = (server.address() as { port: number }).port;
    const refusal = checkCaller(req, port);
    if (refusal) {
      // Discard any body unread, so the refusal is answered at once and the connection stays sane.
      req.resume();
      return sendJson(res, fail('FORBIDDEN', refusal));
    }
    const url = parseRequestPath(req.url, port);
    if (!url) return sendJson(res, fail('VALIDATION', 'The address is not valid'));
    if (url.pathname.startsWith('/rpc/')) {
      if (!carriesKey(req, key, port)) {
        req.resume();
        return sendJson(res, fail('FORBIDDEN', 'Open the app at the address the local server printed when it started (npm run web): it carries a key for this run of the server.'));
      }
      if (req.method !== 'POST') {
        req.resume();
        return sendJson(res, fail('VALIDATION', 'Use POST for operations'), 405);
      }
      if (!isJson(req.headers['content-type'])) {
        req.resume();
        return sendJson(res, fail('VALIDATION', 'Send operations as application/json'), 415);
      }
      const operation = decodePath(url.pathname.slice('/rpc/'.length));
      if (operation === null) {
        req.resume();
        return sendJson(res, fail('VALIDATION', 'The operation name in the address is not valid'));
      }
      const limit = Object.hasOwn(maxBodyFor, operation) ? (maxBodyFor[operation] as number) : maxBody;
      const body = await readBody(req, limit);
      if (body === 'too-large') {
        return sendJson(res, fail('VALIDATION', `The request is larger than ${limit} bytes`), 413);
      }
      // Bytes that are not UTF-8 are refused, never read with replacement characters.
      const text = decodeUtf8(body);
      if (!text.ok) return sendJson(res, fail('VALIDATION', `The request body ${text.problem}`));
      let input: unknown;
      try {
        input = text.text.length === 0 ? {} : JSON.parse(text.text);
      } catch {
        return sendJson(res, fail('VALIDATION', 'The request body is not valid JSON'));
      }
      return sendJson(res, await options.dispatch(operation, input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      return sendJson(res, fail('VALIDATION', 'Only GET is served here'), 405);
    }
    const offered = url.searchParams.get('key');
    if (offered !== null && sameKey(offered, key)) {
      // The printed address: keep the key in this browser, and take it out of the address bar.
      // Always back to the app's own root (a path such as "//elsewhere" must not become a link).
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${keyCookieName(port)}=${key}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    const answer = answerUiRequest(rendererDir, url.pathname);
    res.writeHead(answer.status, answer.headers);
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      const origin = `http://127.0.0.1:${port}/`;
      resolve({
        url: `${origin}?key=${key}`,
        origin,
        port,
        key,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Returns why a request is refused, or null if it comes from this machine and this page. */
export function checkCaller(req: http.IncomingMessage, port: number): string | null {
  const remote = req.socket.remoteAddress ?? '';
  if (!isLoopback(remote)) return 'Only this computer may use the local server';
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) {
    return 'Unexpected Host header: open the app at the address the server printed';
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
    return 'Requests from other web sites are refused';
  }
  return null;
}

function sameKey(offered: string, key: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request carries this run's key: in the header (programs) or the cookie (the browser). */
function carriesKey(req: http.IncomingMessage, key: string, port: number): boolean {
  const header = req.headers[KEY_HEADER];
  if (typeof header === 'string' && sameKey(header, key)) return true;
  const name = keyCookieName(port);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [cookieName, ...value] = part.trim().split('=');
    if (cookieName === name && sameKey(value.join('='), key)) return true;
  }
  return false;
}

function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, result: Result<unknown>, status?: number) {
  const code = status ?? (result.ok ? 200 : STATUS_BY_CODE[result.error.code]);
  res.writeHead(code, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(result));
}

/**
 * The request's path as a URL on this server, or null. Only origin-form paths ("/…") are taken:
 * "//x" must not be read as a link to host x, and a proxy-style absolute URL is not for us.
 */
function parseRequestPath(raw: string | undefined, port: number): URL | null {
  if (!raw || !raw.startsWith('/')) return null;
  try {
    return new URL(`http://127.0.0.1:${port}${raw}`);
  } catch {
    return null;
  }
}

/** The media type, without parameters, must be exactly application/json (not text/plain, not application/jsonp). */
function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** A percent-decoded path, or null if its encoding is broken (answered 400, not a server error). */
function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
