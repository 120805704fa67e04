import { makeSmallEstate } from './estate-factory';
import { expect, test } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { BoardsPage } from './pages/BoardsPage';
import { SitePage } from './pages/SitePage';
import { WardPage } from './pages/WardPage';

test('a board, site, ward and three areas entered through the UI are all still there after a reload', async ({
  page,
  api,
  saveScreen,
}) => {
  const boards = new BoardsPage(page);
  await boards.goto();
  await boards.addBoard('NHS Glen Arden', 'S08000099');

  const board = new BoardPage(page);
  await board.expectHeading('NHS Glen Arden');
  await board.expectStatus('Board added: NHS Glen Arden');
  await board.addSite('Glen Royal Hospital', 'GA-001');

  const site = new SitePage(page);
  await site.expectHeading('Glen Royal Hospital');
  await site.expectStatus('Site added: Glen Royal Hospital');
  await site.addWard({ name: 'Heather Ward', type: 'Adult acute', beds: '16', sex: 'Mixed sex', block: 'Mental Health Unit' });

  const ward = new WardPage(page);
  await ward.expectHeading('Heather Ward');
  await ward.addArea({ type: 'Bedroom', name: 'Bedroom 1' });
  await ward.expectStatus('Area added: Bedroom 1');
  // Quick entry: the form stays open, suggests the next room and puts the cursor on its name.
  await expect(ward.nameField()).toBeFocused();
  await expect(ward.nameField()).toHaveValue('Bedroom 2');
  await expect(ward.tierRadio(3)).toBeChecked();
  await ward.areaForm().getByRole('button', { name: 'Add area' }).click();
  await ward.expectStatus('Area added: Bedroom 2');
  await ward.addArea({ type: 'Lounge / day room', name: 'Main lounge', tier: 1, reason: 'Staffed at all times by the nurses’ station' });
  await ward.expectStatus('Area added: Main lounge');
  await saveScreen('ward-with-areas');

  await page.reload();
  await ward.expectHeading('Heather Ward');
  await expect(ward.areaRow('Bedroom 1')).toContainText('Tier 3');
  await expect(ward.areaRow('Bedroom 2')).toContainText('default for this type');
  await expect(ward.areaRow('Main lounge')).toContainText('Changed from tier 2');
  await expect(ward.areaRow('Main lounge')).toContainText('Staffed at all times');
  await expect(ward.breadcrumbs()).toContainText('NHS Glen Arden');
  await expect(ward.breadcrumbs()).toContainText('Glen Royal Hospital');

  await ward.breadcrumbs().getByRole('link', { name: 'Glen Royal Hospital' }).click();
  await site.expectHeading('Glen Royal Hospital');
  // "Site added" belonged to the first visit; coming back does not repeat it.
  await expect(site.status()).toHaveText('');
  await expect(site.row(site.wardsTable(), 'Heather Ward')).toContainText('Adult acute');
  await expect(site.row(site.wardsTable(), 'Heather Ward')).toContainText('16');

  // And the API, which the UI must have gone through, agrees.
  const [savedBoard] = await api('boards.list', {});
  expect(savedBoard).toMatchObject({ name: 'NHS Glen Arden', code: 'S08000099', siteCount: 1, wardCount: 1 });
  const [savedSite] = await api('sites.list', { boardId: savedBoard?.id ?? '' });
  expect(savedSite).toMatchObject({ name: 'Glen Royal Hospital', eamsSiteCode: 'GA-001' });
  const [savedWard] = await api('wards.list', { siteId: savedSite?.id ?? '' });
  expect(savedWard).toMatchObject({ name: 'Heather Ward', type: 'adult_acute', bedCount: 16, sexDesignation: 'mixed', block: 'Mental Health Unit' });
  const areas = await api('areas.list', { wardId: savedWard?.id ?? '' });
  expect(areas.map((a) => [a.name, a.type, a.supervisionTier, a.tierOverrideReason])).toEqual([
    ['Bedroom 1', 'bedroom', 3, null],
    ['Bedroom 2', 'bedroom', 3, null],
    ['Main lounge', 'lounge', 1, 'Staffed at all times by the nurses’ station'],
  ]);
});

test('renaming a board and changing a ward and an area are saved and shown', async ({ page, api, saveScreen }) => {
  const { board, wards } = await makeSmallEstate(api);
  const boardPage = new BoardPage(page);
  await boardPage.goto(board.id);
  await boardPage.rename('NHS Glen Renamed');
  await boardPage.expectStatus('Saved');
  await boardPage.expectHeading('NHS Glen Renamed');
  await expect(page.getByRole('button', { name: 'Rename board' })).toBeFocused();

  const ward = new WardPage(page);
  await ward.goto(wards.birch.id);
  await page.getByRole('button', { name: 'Change ward details' }).click();
  await page.getByLabel('Number of beds').fill('14');
  await page.getByRole('button', { name: 'Save ward details' }).click();
  await ward.expectStatus('Saved: Birch Ward');
  await expect(page.getByRole('definition').filter({ hasText: /^14$/ })).toBeVisible();

  await ward.areaRow('Lounge').getByRole('button', { name: 'Change Lounge' }).click();
  const changeForm = page.getByRole('form', { name: 'Change Lounge' });
  await ward.fillArea({ name: 'Day lounge', tier: 3 }, changeForm);
  await expect(ward.reasonField(changeForm)).toBeVisible();
  await saveScreen('ward-change-area');
  await ward.reasonField(changeForm).fill('Out of sight of the nurses’ station at night');
  await changeForm.getByRole('button', { name: 'Save area' }).click();
  await ward.expectStatus('Saved: Day lounge');
  await expect(ward.areaRow('Day lounge')).toContainText('Changed from tier 2');
  await expect(ward.areaRow('Day lounge').getByRole('button', { name: 'Change Day lounge' })).toBeFocused();
  expect((await api('wards.get', { id: wards.birch.id })).bedCount).toBe(14);
});
