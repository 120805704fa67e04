import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_HEADER, startWebServer, type RunningWebServer } from '../../src/web/server';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security';
import { startAssessment } from '../helpers/assessments';
import { createTestCore, makeWard, tempDir, type TestCore } from '../helpers/core';
import { buildPng, textChunk } from '../helpers/images';

let core: TestCore;
let server: RunningWebServer;
let rendererDir: string;

beforeAll(async () => {
  core = createTestCore();
  rendererDir = path.join(tempDir(), 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
  server = await startWebServer({ dispatch: core.dispatch, rendererDir, port: 0, maxBodyBytes: 4096 });
});
afterAll(async () => {
  await server.close();
  core.close();
});

/** A raw request, so tests can set the headers a browser or an attacker would. */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const rpc = (operation: string, input: unknown, headers: Record<string, string> = {}) =>
  request({ method: 'POST', path: `/rpc/${operation}`, headers: { 'Content-Type': 'application/json', [KEY_HEADER]: server.key, ...headers }, body: JSON.stringify(input) });

describe('the web door', () => {
  it('runs contract operations over HTTP and answers the same Result as the other doors', async () => {
    const created = await rpc('boards.create', { name: 'NHS Over HTTP' });
    expect(created.status).toBe(200);
    const result = JSON.parse(created.body) as { ok: boolean; data: { id: string } };
    expect(result).toMatchObject({ ok: true, data: { name: 'NHS Over HTTP' } });
    const listed = JSON.parse((await rpc('boards.list', {})).body) as { data: unknown[] };
    expect(listed.data).toContainEqual(expect.objectContaining({ id: result.data.id }));
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[A-Za-z0-9_-]{43}$/);
  });

  it('answers bad input with 400 and the field at fault, and writes nothing', async () => {
    const response = await rpc('sites.create', { boardId: 'not-an-id', name: '' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['boardId'] }, { path: ['name'] }] } });
    expect((await rpc('no.such', {})).status).toBe(404);
    expect((await request({ method: 'POST', path: '/rpc/boards.list', headers: { 'Content-Type': 'application/json', [KEY_HEADER]: server.key }, body: '{not json' })).status).toBe(400);
  });

  it('refuses other web sites: a foreign Origin or Host (DNS rebinding) is forbidden', async () => {
    const foreignOrigin = await rpc('boards.create', { name: 'NHS Forged' }, { Origin: 'https://evil.example' });
    expect(foreignOrigin.status).toBe(403);
    const rebound = await rpc('boards.list', {}, { Host: `evil.example:${server.port}` });
    expect(rebound.status).toBe(403);
    const sameOrigin = await rpc('boards.list', {}, { Origin: `http://127.0.0.1:${server.port}` });
    expect(sameOrigin.status).toBe(200);
    expect(core.call('boards.list', {}).map((b) => b.name)).not.toContain('NHS Forged');
  });

  it('refuses bodies over the size limit and requests that are not JSON (no cross-site form posts)', async () => {
    const big = await rpc('boards.create', { name: 'x'.repeat(10_000) });
    expect(big.status).toBe(413);
    const form = await request({ method: 'POST', path: '/rpc/boards.create', headers: { 'Content-Type': 'application/x-www-form-urlencoded', [KEY_HEADER]: server.key }, body: 'name=x' });
    expect(form.status).toBe(415);
    expect((await request({ method: 'GET', path: '/rpc/boards.list', headers: { [KEY_HEADER]: server.key } })).status).toBe(405);
  });

  it('serves the built UI with the app CSP and never a file outside the renderer folder', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const escape = await request({ path: '/../secret.txt' });
    expect(escape.body).not.toContain('outside');
    // An encoded slash survives URL normalisation and decodes to ../ : the guard must catch it.
    const encoded = await request({ path: '/..%2fsecret.txt' });
    expect(encoded.body).not.toContain('outside');
    expect(encoded.status).toBe(404);
  });

  it('accepts bodies up to 25 MiB for photos.add only, and keeps the 1 MiB limit for every other operation', async () => {
    const door = await startWebServer({ dispatch: core.dispatch, rendererDir, port: 0 });
    try {
      const post = (operation: string, body: string) =>
        new Promise<number>((resolve, reject) => {
          // Wait for the whole exchange: a refusal may arrive while the body is still being sent.
          // Each request on its own connection: after refusing an oversized body the server may
          // close the connection once it has drained it, and a reused one is then reset under the
          // next request (seen under load); what is tested here is the limits, not reuse.
          let status = 0;
          const req = http.request({ host: '127.0.0.1', port: door.port, method: 'POST', path: `/rpc/${operation}`, headers: { 'Content-Type': 'application/json', [KEY_HEADER]: door.key }, agent: false }, (res) => {
            status = res.statusCode ?? 0;
            res.resume();
          });
          req.on('close', () => resolve(status));
          req.on('error', (error) => (status ? resolve(status) : reject(error)));
          req.end(body);
        });
      const twoMiB = 'x'.repeat(2 * 1024 * 1024);
      expect(await post('boards.create', JSON.stringify({ name: twoMiB }))).toBe(413);
      expect(await post('answers.record', JSON.stringify({ note: twoMiB }))).toBe(413);

      const { ward } = makeWard(core, { name: 'Photo Ward' });
      const assessment = startAssessment(core, ward.id);
      const area = core.call('assessments.addArea', { assessmentId: assessment.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
      const answer = core.call('answers.record', { assessmentId: assessment.id, itemId: 'L01', areaId: area.area.id, value: 'risk_present', assessorId: assessment.assessors[0]!.id });
      // A real 3 MB PNG (most of it a text chunk the store strips), sent as base64 JSON.
      const photo = buildPng(4, 4, { beforeData: [textChunk('Comment', 'y'.repeat(3 * 1024 * 1024))] });
      const input = { assessmentId: assessment.id, answerId: answer.id, fileName: 'window.png', mimeType: 'image/png', dataBase64: Buffer.from(photo).toString('base64'), assessorId: assessment.assessors[0]!.id };
      expect(await post('photos.add', JSON.stringify(input))).toBe(200);
      const stored = core.call('photos.list', { assessmentId: assessment.id });
      expect(stored).toHaveLength(1);
      expect(stored[0]!.byteSize).toBeLessThan(1000);

      const tooBig = JSON.stringify({ ...input, dataBase64: 'A'.repeat(25 * 1024 * 1024) });
      expect(await post('photos.add', tooBig)).toBe(413);
    } finally {
      await door.close();
    }
  });
});
