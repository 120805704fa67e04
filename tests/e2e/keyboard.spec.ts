import { expect, test } from './fixtures';
import { tabTo } from './keys';
import { BoardPage } from './pages/BoardPage';
import { BoardsPage } from './pages/BoardsPage';
import { SitePage } from './pages/SitePage';
import { WardPage } from './pages/WardPage';

test('a board, site, ward and areas can be added with the keyboard alone', async ({ page, api }) => {
  const boards = new BoardsPage(page);
  await boards.goto();
  await expect(boards.heading()).toBeFocused();

  // The skip link sits before the header and leads back to the page's heading.
  const skipLink = page.getByRole('link', { name: 'Skip to main content' });
  await tabTo(page, skipLink, { back: true });
  await page.keyboard.press('Enter');
  await expect(boards.heading()).toBeFocused();

  await tabTo(page, boards.nameField());
  await page.keyboard.type('NHS Keyboard');
  await page.keyboard.press('Enter');

  const board = new BoardPage(page);
  await board.expectHeading('NHS Keyboard');
  await expect(board.heading()).toBeFocused();
  await tabTo(page, board.siteForm().getByLabel('Site name'));
  await page.keyboard.type('Keys Hospital');
  await page.keyboard.press('Enter');

  const site = new SitePage(page);
  await site.expectHeading('Keys Hospital');
  const wardForm = site.wardForm();
  await tabTo(page, wardForm.getByLabel('Ward name'));
  await page.keyboard.type('Thistle Ward');
  await page.keyboard.press('Tab');
  await expect(wardForm.getByLabel('Ward type')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(wardForm.getByLabel('Ward type')).toHaveValue('adult_acute');
  await page.keyboard.press('Tab');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(wardForm.getByRole('radio', { name: 'Mixed sex' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  const ward = new WardPage(page);
  await ward.expectHeading('Thistle Ward');
  await tabTo(page, ward.areaForm().getByLabel('Area type'));
  await page.keyboard.press('ArrowDown');
  await expect(ward.tierRadio(3)).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Bedroom 1');
  await page.keyboard.press('Enter');
  await ward.expectStatus('Area added: Bedroom 1');
  await expect(ward.nameField()).toBeFocused();
  await expect(ward.nameField()).toHaveValue('Bedroom 2');
  await page.keyboard.press('Enter');
  await ward.expectStatus('Area added: Bedroom 2');
  // Focus returns to the name field after the list updates; a person goes on from there.
  await expect(ward.nameField()).toBeFocused();

  await page.keyboard.press('Shift+Tab');
  await expect(ward.areaForm().getByLabel('Area type')).toBeFocused();
  for (const _ of ['en-suite', 'bathroom', 'lounge']) await page.keyboard.press('ArrowDown');
  await expect(ward.tierRadio(2)).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Quiet lounge');
  await page.keyboard.press('Tab');
  await expect(ward.tierRadio(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(ward.tierRadio(1)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(ward.reasonField()).toBeFocused();
  await page.keyboard.type('In full view of the nurses’ station');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await ward.expectStatus('Area added: Quiet lounge');

  const [savedBoard] = await api('boards.list', {});
  const [savedSite] = await api('sites.list', { boardId: savedBoard?.id ?? '' });
  const [savedWard] = await api('wards.list', { siteId: savedSite?.id ?? '' });
  expect(savedWard).toMatchObject({ name: 'Thistle Ward', type: 'adult_acute', bedCount: 10, sexDesignation: 'mixed' });
  const areas = await api('areas.list', { wardId: savedWard?.id ?? '' });
  expect(areas.map((a) => [a.name, a.type, a.supervisionTier])).toEqual([
    ['Bedroom 1', 'bedroom', 3],
    ['Bedroom 2', 'bedroom', 3],
    ['Quiet lounge', 'lounge', 1],
  ]);
});
