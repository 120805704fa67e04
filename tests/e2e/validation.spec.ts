import { expect, test } from './fixtures';
import { BoardsPage } from './pages/BoardsPage';
import { SitePage } from './pages/SitePage';
import { WardPage } from './pages/WardPage';

test('a ward form with no name, no type, 0 beds and no sex designation shows each error at its field and adds nothing', async ({
  page,
  api,
  saveScreen,
}) => {
  const board = await api('boards.create', { name: 'NHS Checks' });
  const site = await api('sites.create', { boardId: board.id, name: 'Check Hospital' });
  const sitePage = new SitePage(page);
  await sitePage.goto(site.id);

  await sitePage.fillWard({ name: '   ', beds: '0' });
  await sitePage.wardForm().getByRole('button', { name: 'Add ward' }).click();

  await expect(sitePage.errorSummary()).toBeFocused();
  await expect(sitePage.errorSummary()).toContainText('There is a problem');
  const form = sitePage.wardForm();
  await expect(form.getByLabel('Ward name')).toHaveAccessibleDescription(/Enter the ward name/);
  await expect(form.getByLabel('Ward type')).toHaveAccessibleDescription(/Choose a ward type/);
  await expect(form.getByLabel('Number of beds')).toHaveAccessibleDescription(/A ward has at least 1 bed/);
  await expect(form.getByRole('group', { name: 'Sex designation' })).toHaveAccessibleDescription(/Choose a sex designation/);
  await saveScreen('site-ward-form-errors');

  // The summary links take the user to the field.
  await sitePage.errorSummary().getByRole('link', { name: 'A ward has at least 1 bed' }).click();
  await expect(form.getByLabel('Number of beds')).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/sites/${site.id}$`));

  await form.getByLabel('Number of beds').fill('twelve');
  await form.getByRole('button', { name: 'Add ward' }).click();
  await expect(form.getByLabel('Number of beds')).toHaveAccessibleDescription(/whole number/);

  expect(await api('wards.list', { siteId: site.id })).toEqual([]);
});

test('a tier changed from the default without a reason is refused at the reason field and adds nothing', async ({
  page,
  api,
  saveScreen,
}) => {
  const board = await api('boards.create', { name: 'NHS Checks' });
  const site = await api('sites.create', { boardId: board.id, name: 'Check Hospital' });
  const ward = await api('wards.create', { siteId: site.id, name: 'Check Ward', type: 'ipcu', bedCount: 8, sexDesignation: 'male' });
  const wardPage = new WardPage(page);
  await wardPage.goto(ward.id);

  // The tier follows the area type until the assessor picks one.
  const typeField = wardPage.areaForm().getByLabel('Area type');
  await typeField.selectOption({ label: 'Clinic room' });
  await expect(wardPage.tierRadio(1)).toBeChecked();
  await typeField.selectOption({ label: 'Bedroom' });
  await expect(wardPage.tierRadio(3)).toBeChecked();
  await expect(wardPage.reasonField()).toBeHidden();

  await wardPage.fillArea({ name: 'Bedroom 1', tier: 2 });
  await expect(wardPage.reasonField()).toBeVisible();
  await wardPage.areaForm().getByRole('button', { name: 'Add area' }).click();
  await expect(wardPage.reasonField()).toHaveAccessibleDescription(/Give a reason for using tier 2: the default for this area type is tier 3/);
  await expect(wardPage.errorSummary()).toBeFocused();
  await saveScreen('ward-area-form-errors');

  // Once chosen, the tier stays when the type changes.
  await typeField.selectOption({ label: 'En-suite' });
  await expect(wardPage.tierRadio(2)).toBeChecked();

  await wardPage.fillArea({ name: '', tier: 3 });
  await wardPage.areaForm().getByRole('button', { name: 'Add area' }).click();
  await expect(wardPage.nameField()).toHaveAccessibleDescription(/Enter the area name/);

  expect(await api('areas.list', { wardId: ward.id })).toEqual([]);
});

test('a duplicate board name shows the server’s conflict message at the name field', async ({ page, api }) => {
  await api('boards.create', { name: 'NHS Duplicate' });
  const boards = new BoardsPage(page);
  await boards.goto();
  await boards.addBoard('nhs duplicate');

  await expect(boards.nameField()).toHaveAccessibleDescription(/A board called "nhs duplicate" already exists/);
  await expect(boards.errorSummary()).toBeFocused();
  await expect(boards.errorSummary().getByRole('link')).toHaveText('A board called "nhs duplicate" already exists');
  await expect(boards.heading()).toHaveText('Estate register');
  expect(await api('boards.list', {})).toHaveLength(1);
});

test('a duplicate area name on the same ward shows the conflict at the area name', async ({ page, api }) => {
  const board = await api('boards.create', { name: 'NHS Checks' });
  const site = await api('sites.create', { boardId: board.id, name: 'Check Hospital' });
  const ward = await api('wards.create', { siteId: site.id, name: 'Check Ward', type: 'ipcu', bedCount: 8, sexDesignation: 'male' });
  await api('areas.create', { wardId: ward.id, name: 'Bedroom 1', type: 'bedroom', supervisionTier: 3 });
  const wardPage = new WardPage(page);
  await wardPage.goto(ward.id);
  await wardPage.addArea({ type: 'Bedroom', name: 'Bedroom 1' });
  await expect(wardPage.nameField()).toHaveAccessibleDescription(/already exists/);
  expect(await api('areas.list', { wardId: ward.id })).toHaveLength(1);
});
