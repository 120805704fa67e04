import { expect, test } from './fixtures';
import { walkSmallWard } from './walkthrough-helpers';

// A note is saved after a pause in typing, without leaving the box: what is stored must be every
// character typed, and a note still waiting for its pause is saved when the assessor moves on.

test('a note saved on a pause keeps the last keystroke, and a pending note is saved on moving to another area', async ({ page, api }) => {
  const { assessment, area: bedroom } = await walkSmallWard(page, api, 'Bedroom 1');

  const card = page.locator('.app-item').filter({ hasText: 'S05' }).first();
  await card.focus();
  await page.keyboard.press('y');
  await expect(card.locator('.app-save-saved')).toContainText('Saved: Yes');

  const noteOf = async (itemId: string) => (await api('answers.list', { assessmentId: assessment.id })).find((a) => a.itemId === itemId && a.areaId === bedroom.areaId)?.note;

  // Typed, then left alone in the box: the pause saves it, whole.
  await card.getByText(/^Note/).first().click();
  const note = card.getByLabel(/Note on S05 in Bedroom 1/);
  await note.click();
  await page.keyboard.type('Door-top alarm missing', { delay: 20 });
  await expect.poll(() => noteOf('S05'), { timeout: 10_000 }).toBe('Door-top alarm missing');
  await expect(note).toBeFocused();

  // Typed and, before the pause, the assessor goes to another area: the note still reaches the store.
  const other = page.locator('.app-item').filter({ hasText: 'S06' }).first();
  await other.focus();
  await page.keyboard.press('y');
  await expect(other.locator('.app-save-saved')).toContainText('Saved: Yes');
  await other.getByText(/^Note/).first().click();
  await other.getByLabel(/Note on S06 in Bedroom 1/).click();
  await page.keyboard.type('Vent cover loose', { delay: 10 });
  await page.getByRole('link', { name: 'Lounge', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Lounge' })).toBeVisible();
  await expect.poll(() => noteOf('S06'), { timeout: 10_000 }).toBe('Vent cover loose');
});
