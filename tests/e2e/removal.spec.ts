import { startAssessmentViaApi } from './assess-via-api';
import { makeSmallEstate } from './estate-factory';
import { expect, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { BoardsPage } from './pages/BoardsPage';
import { SitePage } from './pages/SitePage';
import { WardPage } from './pages/WardPage';

test('removing a board asks for confirmation, says what goes with it, and removes it only when confirmed', async ({
  page,
  api,
  saveScreen,
}) => {
  const { board } = await makeSmallEstate(api);
  const boardPage = new BoardPage(page);
  await boardPage.goto(board.id);

  await boardPage.removeButton().click();
  const confirmation = boardPage.confirmation();
  await expect(confirmation.getByRole('heading', { name: 'Remove NHS Glen Test?' })).toBeFocused();
  await expect(confirmation).toContainText('2 sites, 3 wards and 5 areas');
  await saveScreen('board-remove-confirmation');

  await confirmation.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirmation).toHaveCount(0);
  await expect(boardPage.removeButton()).toBeFocused();
  expect(await api('boards.list', {})).toHaveLength(1);

  await boardPage.removeButton().click();
  await boardPage.confirmation().getByRole('button', { name: 'Yes, remove this board' }).click();

  const boards = new BoardsPage(page);
  await boards.expectHeading('Estate register');
  await boards.expectStatus('Board removed: NHS Glen Test, with 2 sites, 3 wards and 5 areas');
  expect(await api('boards.list', {})).toEqual([]);
});

test('removing a site or a ward says what goes with it and returns to the level above', async ({ page, api }) => {
  const { sites, wards } = await makeSmallEstate(api);
  const wardPage = new WardPage(page);
  await wardPage.goto(wards.cedar.id);
  await page.getByRole('button', { name: 'Remove ward' }).click();
  await expect(page.getByRole('region', { name: 'Remove Cedar Ward?' })).toContainText('2 areas');
  await page.getByRole('button', { name: 'Yes, remove this ward' }).click();

  const sitePage = new SitePage(page);
  await sitePage.expectHeading('North Hospital');
  await sitePage.expectStatus('Ward removed: Cedar Ward, with 2 areas');
  await expect(sitePage.row(sitePage.wardsTable(), 'Cedar Ward')).toHaveCount(0);

  await page.getByRole('button', { name: 'Remove site' }).click();
  await expect(page.getByRole('region', { name: 'Remove North Hospital?' })).toContainText('1 ward and 3 areas');
  await page.getByRole('button', { name: 'Yes, remove this site' }).click();
  await new BoardPage(page).expectStatus('Site removed: North Hospital, with 1 ward and 3 areas');
  expect((await api('sites.list', { boardId: sites.north.boardId })).map((s) => s.name)).toEqual(['South Hospital']);
});

test('removing an area asks first and keeps the others', async ({ page, api }) => {
  const { wards } = await makeSmallEstate(api);
  const wardPage = new WardPage(page);
  await wardPage.goto(wards.birch.id);
  await wardPage.areaRow('Bedroom 2').getByRole('button', { name: 'Remove Bedroom 2' }).click();
  await page.getByRole('button', { name: 'Yes, remove this area' }).click();
  await wardPage.expectStatus('Area removed: Bedroom 2');
  await expect(wardPage.areaRow('Bedroom 2')).toHaveCount(0);
  expect((await api('areas.list', { wardId: wards.birch.id })).map((a) => a.name)).toEqual(['Bedroom 1', 'Lounge']);
});

test('removing a ward or area that has an assessment is refused with the reason, and nothing goes', async ({ page, api, saveScreen }) => {
  const { wards } = await makeSmallEstate(api);
  await startAssessmentViaApi(api, wards.birch.id);
  const wardPage = new WardPage(page);
  await wardPage.goto(wards.birch.id);

  await page.getByRole('button', { name: 'Remove ward' }).click();
  await page.getByRole('button', { name: 'Yes, remove this ward' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('This could not be removed');
  await expect(refusal).toContainText('Ward "Birch Ward" cannot be removed because it is part of 1 assessment');
  await saveScreen('ward-remove-refused');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await wardPage.areaRow('Bedroom 2').getByRole('button', { name: 'Remove Bedroom 2' }).click();
  await page.getByRole('button', { name: 'Yes, remove this area' }).click();
  await expect(page.getByRole('alert')).toContainText('The area "Bedroom 2" cannot be removed because it is part of 1 assessment');

  expect((await api('areas.list', { wardId: wards.birch.id })).map((a) => a.name)).toEqual(['Bedroom 1', 'Bedroom 2', 'Lounge']);
  expect(await api('wards.get', { id: wards.birch.id })).toMatchObject({ assessmentCount: 1 });
});
