import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCaller, KEY_HEADER, keyCookieName, startWebServer, type RunningWebServer } from '../../src/web/server';
import { createTestCore, tempDir, type TestCore } from '../helpers/core';

// The HTTP door under attack: other hosts (DNS rebinding), other origins, oversized and
// mis-typed bodies, broken JSON and path tricks. Each is refused with the right status and a
// message, and nothing is written.

const LIMIT = 8192;
const SECRET = 'TOP-SECRET-NOT-FOR-THE-BROWSER';
let core: TestCore;
let server: RunningWebServer;

beforeAll(async () => {
  core = createTestCore();
  const root = tempDir();
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), SECRET);
  server = await startWebServer({ dispatch: core.dispatch, rendererDir, port: 0, maxBodyBytes: LIMIT });
});
afterAll(async () => {
  await server.close();
  core.close();
});

interface Reply {
  status: number;
  body: string;
}

/** A raw request, so the test can send what a browser never would. `chunked` omits Content-Length. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; mayCloseEarly?: boolean }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = { ...(options.headers ?? {}) };
    if (options.body !== undefined && !options.chunked) headers['Content-Length'] = String(Buffer.byteLength(options.body));
    const req = http.request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers, setHost: !('Host' in headers), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // Sending a huge body, the server may answer 413 and close before all of it is written.
    req.on('error', (error: NodeJS.ErrnoException) => (options.mayCloseEarly && (error.code === 'EPIPE' || error.code === 'ECONNRESET') ? resolve({ status: 413, body: '' }) : reject(error)));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Headers of a well-formed call: JSON, with this run's key. */
/** A GET that also returns the response headers (cookies, redirects). */
function sendWithHeaders(options: { path: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'GET', path: options.path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decodesAsUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const json = (headers: Record<string, string> = {}) => ({ 'Content-Type': 'application/json', [KEY_HEADER]: server.key, ...headers });

function auditCount(): number {
  return (core.store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

function refusal(reply: Reply): { code: string; message: string } {
  const parsed = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
  expect(parsed.ok).toBe(false);
  expect(parsed.error.message.length).toBeGreaterThan(0);
  return parsed.error;
}

describe('the web door under hostile requests', () => {
  it('refuses any Host but its own loopback address and port (DNS rebinding), for operations and pages', async () => {
    const port = server.port;
    const before = auditCount();
    const fixed = [`evil.example:${port}`, `127.0.0.1`, `localhost`, `127.0.0.1:${port + 1}`, `127.0.0.1.nip.io:${port}`, `localhost.evil.example:${port}`, `[::1]:${port}`, `0.0.0.0:${port}`, `127.0.0.1:${port}@evil.example`, `${port}`];
    const hosts = [...fixed, ...fc.sample(fc.tuple(fc.domain(), fc.integer({ min: 1, max: 65535 })).map(([d, p]) => `${d}:${p}`), { numRuns: 60, seed: 6 })];
    for (const host of hosts) {
      const write = await send({ method: 'POST', path: '/rpc/boards.create', headers: json({ Host: host }), body: JSON.stringify({ name: `NHS ${host}` }) });
      expect(write.status, host).toBe(403);
      expect(refusal(write).code).toBe('FORBIDDEN');
      expect((await send({ path: '/', headers: { Host: host } })).status, host).toBe(403);
    }
    expect(auditCount()).toBe(before);
  });

  it('refuses requests from other origins, including look-alikes and the opaque "null" origin', async () => {
    const port = server.port;
    const before = auditCount();
    const fixed = ['null', 'https://evil.example', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, `http://localhost.evil.example:${port}`, `http://127.0.0.1:${port}.evil.example`, `file://`, `http://127.0.0.1:${port}/`];
    const origins = [...fixed, ...fc.sample(fc.tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.integer({ min: 1, max: 65535 })).map(([scheme, domain, p]) => `${scheme}://${domain}:${p}`), { numRuns: 40, seed: 7 })];
    for (const origin of origins) {
      const reply = await send({ method: 'POST', path: '/rpc/boards.create', headers: json({ Origin: origin }), body: JSON.stringify({ name: 'NHS Cross Site' }) });
      expect(reply.status, origin).toBe(403);
      expect(refusal(reply).code).toBe('FORBIDDEN');
    }
    expect(auditCount()).toBe(before);
    expect(core.call('boards.list', {}).map((b) => b.name)).not.toContain('NHS Cross Site');
  });

  it('accepts only loopback callers', () => {
    const port = 5180;
    const fake = (remoteAddress: string) => ({ socket: { remoteAddress }, headers: { host: `127.0.0.1:${port}` } }) as unknown as http.IncomingMessage;
    for (const outsider of ['10.0.0.5', '192.168.1.20', '::ffff:192.168.1.20', '2001:db8::1', '']) expect(checkCaller(fake(outsider), port), outsider).toMatch(/Only this computer/);
    for (const local of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(checkCaller(fake(local), port), local).toBeNull();
  });

  it('requires this run’s key on every operation, from programs without an Origin too, and hands it to the browser only from the printed address', async () => {
    const before = auditCount();
    const cookie = (value: string, port = server.port) => ({ Cookie: `${keyCookieName(port)}=${value}` });
    const wrongKeys = ['', 'x', server.key.slice(1), `${server.key}x`, server.key.toUpperCase(), ...fc.sample(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), { numRuns: 30, seed: 11 })];
    const withoutKey: Record<string, string>[] = [
      { 'Content-Type': 'application/json' },
      ...wrongKeys.map((key) => ({ 'Content-Type': 'application/json', [KEY_HEADER]: key })),
      ...wrongKeys.map((key) => ({ 'Content-Type': 'application/json', ...cookie(key) })),
      { 'Content-Type': 'application/json', ...cookie(server.key, server.port + 1) },
    ];
    for (const headers of withoutKey) {
      const reply = await send({ method: 'POST', path: '/rpc/boards.create', headers, body: JSON.stringify({ name: 'NHS Keyless' }) });
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(refusal(reply)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/the address the local server printed/) });
    }
    // In the address of an operation it does not count: only the page hands it over.
    expect((await send({ method: 'POST', path: `/rpc/boards.create?key=${server.key}`, headers: { 'Content-Type': 'application/json' }, body: '{"name":"NHS Query"}' })).status).toBe(403);
    expect(auditCount()).toBe(before);

    const printed = new URL(server.url);
    const opened = await sendWithHeaders({ path: `${printed.pathname}${printed.search}` });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    expect(opened.headers['set-cookie']).toEqual([`${keyCookieName(server.port)}=${server.key}; HttpOnly; SameSite=Strict; Path=/`]);
    // Never a way to send the browser elsewhere: a "//host" path still leads back to the app's root.
    expect((await sendWithHeaders({ path: `//evil.example/?key=${server.key}` })).headers.location).toBe('/');
    const wrong = await sendWithHeaders({ path: '/?key=not-the-key' });
    expect(wrong.status).toBe(200);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const viaCookie = await send({ method: 'POST', path: '/rpc/boards.list', headers: { 'Content-Type': 'application/json', ...cookie(server.key) }, body: '{}' });
    expect(viaCookie.status).toBe(200);
  });

  it('refuses request bodies that are not UTF-8, and strings holding half a character, saying where, and writes nothing', async () => {
    const before = auditCount();
    const prefix = Buffer.from('{"name":"NHS ');
    const suffix = Buffer.from('"}');
    // Not UTF-8: a stray continuation byte, a lead byte cut short, an overlong "/", a UTF-16 half encoded as UTF-8, a byte no UTF-8 uses.
    const invalid = [[0x80], [0xc3, 0x28], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf4, 0x90, 0x80, 0x80]];
    const generated = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 12 }).filter((bytes) => !decodesAsUtf8(bytes)), { numRuns: 60, seed: 12 });
    for (const bytes of [...invalid.map((b) => Uint8Array.from(b)), ...generated]) {
      const reply = await send({ method: 'POST', path: '/rpc/boards.create', headers: json(), body: Buffer.concat([prefix, bytes, suffix]) });
      expect(reply.status, Buffer.from(bytes).toString('hex')).toBe(400);
      expect(refusal(reply).message).toMatch(/^The request body is not valid UTF-8 text: byte \d+ \(line 1, byte \d+ of the line\)/);
    }
    for (const broken of ['\\ud800', '\\udfff', 'a\\ud83d', '\\ude00b']) {
      const reply = await send({ method: 'POST', path: '/rpc/boards.create', headers: json(), body: `{"name":"NHS ${broken}"}` });
      expect(reply.status, broken).toBe(400);
      expect(refusal(reply)).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/name: contains a broken character/) });
    }
    expect(auditCount()).toBe(before);
    // A whole pair is one character: accepted.
    expect((await send({ method: 'POST', path: '/rpc/boards.create', headers: json(), body: '{"name":"NHS \\ud83d\\ude00 Smile"}' })).status).toBe(200);
  });

  it('refuses bodies over the limit, declared or streamed without a length, and writes nothing', async () => {
    const before = auditCount();
    const big = JSON.stringify({ name: 'x'.repeat(LIMIT * 4) });
    const declared = await send({ method: 'POST', path: '/rpc/boards.create', headers: json(), body: big });
    expect(declared.status).toBe(413);
    const streamed = await send({ method: 'POST', path: '/rpc/boards.create', headers: json(), body: big, chunked: true });
    expect(streamed.status).toBe(413);
    const huge = await send({ method: 'POST', path: '/rpc/boards.create', headers: json(), body: Buffer.alloc(2 * 1024 * 1024, 0x20), mayCloseEarly: true });
    expect(huge.status).toBe(413);
    expect(auditCount()).toBe(before);
  });

  it('takes operations only as application/json', async () => {
    const before = auditCount();
    const body = JSON.stringify({ name: 'NHS Wrong Type' });
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'application/json-patch+json', 'text/json', '', 'application/javascript']) {
      const reply = await send({ method: 'POST', path: '/rpc/boards.create', headers: type ? { 'Content-Type': type, [KEY_HEADER]: server.key } : { [KEY_HEADER]: server.key }, body });
      expect(reply.status, type || '(none)').toBe(415);
      expect(refusal(reply).code).toBe('VALIDATION');
    }
    expect(auditCount()).toBe(before);
    const charset = await send({ method: 'POST', path: '/rpc/boards.list', headers: json({ 'Content-Type': 'application/json; charset=utf-8' }), body: '{}' });
    expect(charset.status).toBe(200);
  });

  it('answers broken JSON, broken encodings and wrong methods with 4xx and a message, never 500', async () => {
    const before = auditCount();
    const broken = fc.sample(
      fc.string({ unit: 'binary', maxLength: 200 }).filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return text.length > 0;
        }
      }),
      { numRuns: 150, seed: 8 },
    );
    for (const text of [...broken, '{', '{"name": "NHS"', '[1,2', '\u0000', '{"name": NaN}', "{'name': 'x'}"]) {
      const reply = await send({ method: 'POST', path: '/rpc/boards.create', headers: json(), body: text });
      expect(reply.status, JSON.stringify(text)).toBe(400);
      expect(refusal(reply).message).toMatch(/not valid JSON/);
    }
    for (const op of ['%E0%A4%A', '%', 'boards.create%', '%00', '..%2f..%2fboards.create', 'boards.create/../boards.remove']) {
      const reply = await send({ method: 'POST', path: `/rpc/${op}`, headers: json(), body: JSON.stringify({ name: 'NHS Encoded' }) });
      expect([400, 404], op).toContain(reply.status);
      refusal(reply);
    }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) expect((await send({ method, path: '/rpc/boards.create', headers: json(), body: '{}' })).status, method).toBe(405);
    expect((await send({ method: 'DELETE', path: '/index.html' })).status).toBe(405);
    expect(auditCount()).toBe(before);
  });

  it('never serves a file outside the built UI, whatever the path', async () => {
    const fixed = ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..%5csecret.txt', '/assets/../../secret.txt', '/assets/..%2f..%2fsecret.txt', '//../secret.txt', '/....//secret.txt', '/%2e%2e%2f%2e%2e%2f' + 'etc/passwd', '/%00', '/index.html%00.txt', '/%E0%A4%A', '/..%252fsecret.txt', '/%c0%ae%c0%ae/secret.txt'];
    const segment = fc.constantFrom('..', '%2e%2e', '%2E%2E', '..%2f', '..%5c', '%2f', '.', '', 'assets', 'secret.txt', '%00', '%', 'index.html', '%c0%ae');
    const random = fc.sample(fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => `/${parts.join('/')}`), { numRuns: 200, seed: 9 });
    for (const target of [...fixed, ...random]) {
      const reply = await send({ path: target });
      expect(reply.body, target).not.toContain(SECRET);
      expect([200, 400, 404], `${target} → ${reply.status}`).toContain(reply.status);
      if (reply.status === 200) expect(reply.body, target).toContain('<title>app</title>');
    }
  });
});
