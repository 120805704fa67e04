import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Input, Operation, Output } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/result';
import { KEY_HEADER, keyCookieName } from '../../../src/web/server';
import { assertRendererBuilt, startWebDoor, type WebDoor } from '../../e2e/web-door';

// What the browser benchmarks share: the real web door on a database file, the system Chromium,
// and contract calls over HTTP (as the UI makes them). Run after `npm run build`.

export interface Session {
  door: WebDoor;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  call<O extends Operation>(operation: O, input: Input<O>): Promise<Output<O>>;
  close(): Promise<void>;
}

export async function openSession(dbFile: string, viewport = { width: 1280, height: 900 }): Promise<Session> {
  assertRendererBuilt();
  const door = await startWebDoor(dbFile);
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const context = await browser.newContext({ viewport, baseURL: door.url });
  // The browser holds the server's key as the cookie opening its printed address would set; calls send it as a header.
  await context.addCookies([{ name: keyCookieName(Number(new URL(door.url).port)), value: door.key, url: door.url, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  const call = async <O extends Operation>(operation: O, input: Input<O>): Promise<Output<O>> => {
    const response = await fetch(`${door.url}rpc/${operation}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [KEY_HEADER]: door.key }, body: JSON.stringify(input) });
    const result = (await response.json()) as Result<Output<O>>;
    if (!result.ok) throw new Error(`${operation} failed: ${result.error.code} ${result.error.message}`);
    return result.data;
  };
  return {
    door,
    browser,
    context,
    page,
    call,
    close: async () => {
      await browser.close();
      await door.stop();
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
