import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTrustedSender, registerIpc, type InvokeEventLike } from '../../../src/main/ipc';
import { serveAppRequest } from '../../../src/main/protocol';
import { denyAllPermissions, hardenWebContents } from '../../../src/main/security';
import { isTrustedUrl } from '../../../src/main/trusted-origin';
import { mainWindowOptions } from '../../../src/main/window';
import { OPERATIONS } from '../../../src/shared/contract';
import { ok } from '../../../src/shared/result';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../src/shared/security';
import { tempDir } from '../../helpers/core';

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://mhea/index.html#/wards/1', parent: null } };

describe('the Electron shell', () => {
  it('opens the window locked down: context isolation, sandbox, no node integration, no webviews', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('trusts only its own app origin, not lookalikes', () => {
    expect(isTrustedUrl('app://mhea/index.html')).toBe(true);
    for (const url of ['app://mhea.evil/index.html', 'app://evil/index.html', 'https://mhea/', 'file:///index.html', 'app://user:pw@mhea/', 'not a url', '', undefined]) {
      expect(isTrustedUrl(url), String(url)).toBe(false);
    }
  });

  it('blocks navigation away from the app, new windows, webviews and permission requests', () => {
    type Listener = (event: { preventDefault(): void }, url: string) => void;
    const listeners = new Map<string, Listener>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => (openHandler = h),
    };
    hardenWebContents(contents as Parameters<typeof hardenWebContents>[0]);
    const prevented = (event: string, url = '') => {
      let blocked = false;
      listeners.get(event)?.({ preventDefault: () => (blocked = true) }, url);
      return blocked;
    };
    expect(prevented('will-navigate', 'https://example.org/')).toBe(true);
    expect(prevented('will-redirect', 'https://example.org/')).toBe(true);
    expect(prevented('will-navigate', 'app://mhea/index.html')).toBe(false);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });

    const decisions: boolean[] = [];
    let check: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => h(null, 'media', (granted) => decisions.push(granted)),
      setPermissionCheckHandler: (h) => (check = h),
    });
    expect(decisions).toEqual([false]);
    expect(check?.()).toBe(false);
  });

  it('registers exactly one IPC channel per contract operation, answering only its own window', () => {
    const handlers = new Map<string, (event: InvokeEventLike, input: unknown) => unknown>();
    const calls: [string, unknown][] = [];
    const channels = registerIpc(
      { handle: (channel, listener) => handlers.set(channel, listener) },
      (operation, input) => {
        calls.push([operation, input]);
        return ok('done');
      },
    );
    expect([...handlers.keys()].sort()).toEqual(OPERATIONS.map((o) => `rpc:${o}`).sort());
    expect(channels).toHaveLength(OPERATIONS.length);

    expect(handlers.get('rpc:boards.list')?.(fromApp, {})).toEqual(ok('done'));
    const iframe = { senderFrame: { url: 'app://mhea/index.html', parent: {} } };
    const stranger = { senderFrame: { url: 'https://example.org/', parent: null } };
    for (const event of [iframe, stranger, { senderFrame: null }]) {
      expect(isTrustedSender(event)).toBe(false);
      expect(handlers.get('rpc:boards.create')?.(event, { name: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual([['boards.list', {}]]);
  });

  it('serves app:// files from the renderer folder only, with the app CSP', async () => {
    const root = path.join(tempDir(), 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'outside');

    const get = (url: string) => serveAppRequest(root, { method: 'GET', url });
    const response = get('app://mhea/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await get('app://mhea/assets/app.js').text()).toBe('console.log(1)');
    expect(get('app://mhea/..%2fsecret.txt').status).toBe(404);
    expect(get('app://other/index.html').status).toBe(404);
    expect(get('app://mhea/assets').status).toBe(404);
    // The same guards as the web door (one handler): broken encodings and NUL bytes are refused.
    expect(get('app://mhea/%E0%A4%A').status).toBe(400);
    expect(get('app://mhea/index.html%00.js').status).toBe(400);
    expect(serveAppRequest(root, { method: 'POST', url: 'app://mhea/index.html' }).status).toBe(405);
  });
});

describe('the content security policy', () => {
  it('is the same in index.html’s meta tag as in the header, less frame-ancestors, which only a header can carry', () => {
    const html = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'src', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(meta).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });
});
