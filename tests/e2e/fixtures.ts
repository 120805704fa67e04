import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { Input, Operation, Output } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { KEY_HEADER, keyCookieName } from '../../src/web/server';
import { APP_ROOT, assertAppBuilt, startWebDoor, type WebDoor } from './web-door';

export interface Server {
  url: string;
  /** The SQLite file this test's server uses (fresh for every test). */
  dbFile: string;
  /** The key the server requires on operations (the browser gets it as a cookie, see `context`). */
  key: string;
  /**
   * Stops the server and starts it again on the same database and port. `kill: true` ends it
   * with SIGKILL (no clean shutdown), as a crash or power cut would.
   */
  restart(options?: { kill?: boolean }): Promise<void>;
}

export type Api = <O extends Operation>(operation: O, input: Input<O>) => Promise<Output<O>>;

interface Fixtures {
  server: Server;
  /** Calls a contract operation on this test's server over HTTP, as the UI does. */
  api: Api;
  /** Saves a full-page screenshot as test-results/screens/<name>.png. */
  saveScreen: (name: string) => Promise<void>;
  /** Fails the test with the list of WCAG 2.2 AA violations axe-core finds on the page. */
  expectNoAxeViolations: () => Promise<void>;
}

export const SCREENS_DIR = path.join(APP_ROOT, 'test-results', 'screens');

export const test = base.extend<Fixtures>({
  // Playwright requires an object pattern for a fixture's first argument, even when it needs nothing.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    assertAppBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-e2e-'));
    const dbFile = path.join(dir, 'estates.sqlite');
    let door: WebDoor = await startWebDoor(dbFile);
    const server: Server = {
      url: door.url,
      dbFile,
      key: door.key,
      async restart(options) {
        await (options?.kill ? door.kill() : door.stop());
        // The same key again, so the page's cookie still opens the restarted server.
        door = await startWebDoor(dbFile, Number(new URL(server.url).port), door.key);
      },
    };
    await use(server);
    await door.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  },

  baseURL: async ({ server }, use) => {
    await use(server.url);
  },

  // The browser holds the server's key as the cookie opening its printed address would set.
  context: async ({ context, server }, use) => {
    await context.addCookies([{ name: keyCookieName(Number(new URL(server.url).port)), value: server.key, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
    await use(context);
  },

  api: async ({ request, server }, use) => {
    const api: Api = async (operation, input) => {
      const response = await request.post(`${server.url}rpc/${operation}`, { data: input, headers: { [KEY_HEADER]: server.key } });
      const result = (await response.json()) as Result<unknown>;
      if (!result.ok) throw new Error(`${operation} failed: ${result.error.code} ${result.error.message}`);
      return result.data as Output<typeof operation>;
    };
    await use(api);
  },

  saveScreen: async ({ page }, use) => {
    await use(async (name) => {
      fs.mkdirSync(SCREENS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
    });
  },

  expectNoAxeViolations: async ({ page }, use) => {
    await use(() => expectNoAxeViolationsOn(page));
  },
});

/** Fails the test with the WCAG 2.2 AA violations axe-core finds on this page (any browser context). */
export async function expectNoAxeViolationsOn(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe-core found WCAG violations on ${page.url()}`).toEqual([]);
}

export { expect };

