import { expect, test } from './fixtures';
import { focusedCard, walkSmallWard } from './walkthrough-helpers';

// A room the register missed is added on the spot, to the assessment and the ward's register, and
// the walkthrough goes straight to its first question.

test('an area added on the spot joins the assessment and the register, and the walkthrough goes to its first question', async ({ page, api, saveScreen }) => {
  const { ward, assessment } = await walkSmallWard(page, api);

  await page.getByText('Add an area on the spot').click();
  const addArea = page.getByRole('form', { name: 'Add an area on the spot' });
  await addArea.getByLabel('Area type').selectOption({ label: 'Bedroom' });
  await addArea.getByLabel('Area name').fill('Bedroom 2');
  await addArea.getByRole('button', { name: 'Add area to this assessment' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bedroom 2' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bedroom 2', exact: true })).toHaveAttribute('aria-current', 'location');
  const added = (await api('assessments.get', { id: assessment.id })).areas.find((a) => a.name === 'Bedroom 2');
  expect(added).toMatchObject({ type: 'bedroom', supervisionTier: 3 });
  // It joins the ward's register too, for the next round.
  expect((await api('areas.list', { wardId: ward.id })).map((a) => a.name)).toEqual(['Bedroom 1', 'Bedroom 2', 'Lounge']);

  // Its first question has focus: answering it moves on within the new area.
  await expect.poll(() => focusedCard(page)).toBe(`item-Q10_${added!.areaId}`);
  await page.keyboard.press('1');
  await expect(page.locator('.app-item').first().locator('.app-save-saved')).toBeVisible();
  await expect.poll(() => focusedCard(page)).not.toBe(`item-Q10_${added!.areaId}`);
  expect(await focusedCard(page)).toContain(added!.areaId);
  await saveScreen('walk-21-area-added');
});
