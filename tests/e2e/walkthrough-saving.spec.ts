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
