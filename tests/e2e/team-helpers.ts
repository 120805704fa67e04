import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Download, Page } from '@playwright/test';
import type { Input, Operation, Output } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { KEY_HEADER } from '../../src/web/server';
import { expect } from './fixtures';
import { startWebDoor, type WebDoor } from './web-door';

// What the team stories share: a second device (its own web door, database and browser context),
// the contract over HTTP on any door, and files downloaded from a page.

/** The contract over HTTP on one door, as the UI calls it (with the key the door printed). */
export function apiAt(door: { url: string; key: string }) {
  return async <O extends Operation>(operation: O, input: Input<O>): Promise<Output<O>> => {
    const response = await fetch(`${door.url}rpc/${operation}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [KEY_HEADER]: door.key }, body: JSON.stringify(input) });
    const result = (await response.json()) as Result<Output<O>>;
    if (!result.ok) throw new Error(`${operation} failed: ${result.error.message}`);
    return result.data;
  };
}
export type DoorApi = ReturnType<typeof apiAt>;

export async function saved(download: Download, dir: string): Promise<string> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Clicks a download button (within `scope`, else the page) and saves the file in `dir`. */
export async function downloadFrom(page: Page, button: string, dir: string, scope: Pick<Page, 'getByRole'> = page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name: button }).click()]);
  return saved(download, dir);
}

export async function renameDevice(page: Page, name: string) {
  await page.getByRole('button', { name: 'Rename this device' }).click();
  await page.getByLabel('Name of this device').fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText(`Files from here say they come from ${name}.`)).toBeVisible();
}

/** Extra devices for one story: each a web door on its own database, seen in its own browser context. */
export async function withDevices(browser: Browser, run: (devices: { dir: string; add: (name: string) => Promise<{ door: WebDoor; api: DoorApi; page: Page }> }) => Promise<void>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-team-e2e-'));
  const doors: WebDoor[] = [];
  try {
    await run({
      dir,
      add: async (name) => {
        const door = await startWebDoor(path.join(dir, `${name}.sqlite`));
        doors.push(door);
        const page = await (await browser.newContext()).newPage();
        await page.goto(door.openUrl);
        return { door, api: apiAt(door), page };
      },
    });
  } finally {
    for (const door of doors) await door.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
