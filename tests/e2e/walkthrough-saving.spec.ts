import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { allSettled, answerFocused, focusedCard, integrityCheck, walkSmallWard } from './walkthrough-helpers';

// Every answer is saved the moment it is given, and "Saved" appears only once the database has
// it: a save that cannot reach the server says so, and a server killed mid-walkthrough loses
// nothing that was shown as saved.

test('a save that cannot reach the server says so with a retry, and says "Saved" only once it is stored', async ({ page, api, saveScreen }) => {
  const { assessment } = await walkSmallWard(page, api);
  for (let i = 0; i < 3; i += 1) await answerFocused(page);
  await allSettled(page);

  await page.route('**/rpc/answers.record', (route) => route.abort('connectionrefused'));
  const failingCard = await answerFocused(page);
  const failing = page.locator(`#${failingCard}`);
  await expect(failing.locator('.app-save-failed')).toContainText('Not saved.');
  await expect(failing.locator('.app-save-saved')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: '1 answer is not saved' })).toBeVisible();
  await saveScreen('walk-06-save-failed');
  expect(await api('answers.list', { assessmentId: assessment.id })).toHaveLength(3);

  await page.unroute('**/rpc/answers.record');
  await failing.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(failing.locator('.app-save-saved')).toBeVisible();
  await expect(page.getByText('1 answer is not saved')).toHaveCount(0);
  expect(await api('answers.list', { assessmentId: assessment.id })).toHaveLength(4);
});

test('a server killed mid-walkthrough loses nothing shown as saved, and the walkthrough resumes at the same question', async ({ page, api, server, saveScreen }) => {
  const { assessment } = await walkSmallWard(page, api);
  for (let i = 0; i < 12; i += 1) await answerFocused(page);
  await allSettled(page);

  const progress = page.getByTestId('domain-progress');
  const allBefore = (await progress.locator('li').last().textContent()) ?? '';
  const answeredBefore = Number(/All: (\d+) of/.exec(allBefore)?.[1]);
  expect(answeredBefore).toBeGreaterThanOrEqual(12);
  const shownSaved = await page.locator('.app-item').evaluateAll((cards) =>
    cards.filter((c) => c.querySelector('.app-save-saved')).map((c) => ({ id: c.id, text: c.querySelector('.app-save-saved')?.textContent ?? '' })),
  );
  expect(shownSaved.length).toBe(answeredBefore);
  const placeBefore = await focusedCard(page);
  // The next answer is on its way when the server dies: it may or may not be stored, but it was
  // never shown as saved, so nothing shown as saved may be missing afterwards.
  await page.keyboard.press('1');
  await expect.poll(() => focusedCard(page)).not.toBe(placeBefore);
  const placeAtKill = await focusedCard(page);
  // The address follows the assessor a moment after the focus (WalkthroughPage), and a reload
  // opens the address: wait until it names that question, as the address bar would show a person
  // before they reload (the built door restarts faster than the moment).
  await expect
    .poll(() => page.evaluate(() => /\/items\/([^/]+)/.exec(location.hash)?.[1]).then((item) => (item ? `item-${decodeURIComponent(item).replace(/[^A-Za-z0-9_-]/g, '_')}` : null)))
    .toBe(placeAtKill);
  await server.restart({ kill: true });
  expect(integrityCheck(server.dbFile)).toBe('ok');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  const stored = await api('answers.list', { assessmentId: assessment.id });
  expect(stored.length).toBeGreaterThanOrEqual(answeredBefore);
  expect(stored.length).toBeLessThanOrEqual(answeredBefore + 1);
  for (const { id, text } of shownSaved) await expect(page.locator(`#${id} .app-save-saved`)).toHaveText(text);
  // Resumed exactly where the assessor was: on the question the last key moved to.
  await expect.poll(() => focusedCard(page)).toBe(placeAtKill);
  await saveScreen('walk-07-after-restart');
});

/** The question the address names, as a card id (as focusedCard gives it), or null. */
function addressedCard(page: Page): Promise<string | null> {
  return page.evaluate(() => /\/items\/([^/]+)/.exec(location.hash)?.[1]).then((item) => (item ? `item-${decodeURIComponent(item).replace(/[^A-Za-z0-9_-]/g, '_')}` : null));
}

test('a reload in the moment before the address follows the assessor resumes at the question they moved to, once', async ({ page, api }) => {
  await walkSmallWard(page, api);
  for (let i = 0; i < 2; i += 1) await answerFocused(page);
  await allSettled(page);
  const before = await focusedCard(page);
  await expect.poll(() => addressedCard(page)).toBe(before);
  const staleAddress = page.url();

  // The address follows a moment after each move; here it never catches up (as when the page is
  // reloaded, or a tablet discards the tab, within that moment).
  await page.evaluate(() => {
    window.history.replaceState = () => undefined;
  });
  await answerFocused(page);
  await expect.poll(() => focusedCard(page)).not.toBe(before);
  const moved = await focusedCard(page);
  await allSettled(page);
  expect(await addressedCard(page)).toBe(before);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toBe(moved);
  await expect.poll(() => addressedCard(page)).toBe(moved);

  // Taken once: the old address, opened afresh in this tab afterwards, opens its own question.
  await page.goto('about:blank');
  await page.goto(staleAddress);
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toBe(before);
});
