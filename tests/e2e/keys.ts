import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Presses Tab (or Shift+Tab) until `target` has focus, failing after `limit` presses. */
export async function tabTo(page: Page, target: Locator, { back = false, limit = 60 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `not reached with ${limit} presses of ${back ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}
