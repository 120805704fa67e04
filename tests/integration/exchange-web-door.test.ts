import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES, KEY_HEADER, startWebServer, type RunningWebServer } from '../../src/web/server';
import { createTestCore, tempDir, type TestCore } from '../helpers/core';

// The HTTP door keeps its 1 MB limit for ordinary operations; whole return files may be larger.

let core: TestCore;
let server: RunningWebServer;

beforeAll(async () => {
  core = createTestCore();
  const rendererDir = path.join(tempDir(), 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  server = await startWebServer({ dispatch: core.dispatch, rendererDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  core.close();
});

async function post(operation: string, body: unknown) {
  const response = await fetch(`${server.origin}rpc/${operation}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [KEY_HEADER]: server.key }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; data?: { ok: boolean; problem: string }; error?: { message: string } } };
}

describe('request size limits on the HTTP door', () => {
  const big = ' '.repeat(DEFAULT_MAX_BODY_BYTES * 2);

  it('accepts a return file larger than 1 MB for exchange.verify and exchange.import', async () => {
    const verified = await post('exchange.verify', { fileName: 'big.json', content: `${big}{` });
    expect(verified.status).toBe(200);
    expect(verified.body.data).toMatchObject({ ok: false, problem: expect.stringMatching(/^big\.json: is not valid JSON/) });
    const imported = await post('exchange.import', { fileName: 'big.json', content: `${big}{` });
    expect(imported.status).toBe(400);
    expect(imported.body.error?.message).toMatch(/^big\.json: is not valid JSON/);
  });

  it('still refuses more than 1 MB for other operations', async () => {
    const refused = await post('boards.create', { name: 'NHS Big', padding: big });
    expect(refused.status).toBe(413);
    expect(refused.body.error?.message).toBe(`The request is larger than ${DEFAULT_MAX_BODY_BYTES} bytes`);
  });
});
