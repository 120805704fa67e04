import { expect, test } from './fixtures';
import { BoardsPage } from './pages/BoardsPage';

test('an empty database offers the demo estate, and loading it shows NHS Loch Arden (demo) with 3 sites', async ({
  page,
  api,
  saveScreen,
}) => {
  const boards = new BoardsPage(page);
  await boards.goto();
  await expect(page.getByRole('heading', { name: 'Add your first board' })).toBeVisible();
  await expect(boards.loadDemoButton()).toBeVisible();
  await saveScreen('boards-empty');

  await boards.loadDemoButton().click();
  await boards.expectStatus(/Demo estate loaded: NHS Loch Arden \(demo\), with 3 sites, 12 wards and \d+ areas/);
  const demo = boards.row(boards.table(), 'NHS Loch Arden (demo)');
  await expect(demo.getByRole('cell').nth(1)).toHaveText('3');
  await expect(demo.getByRole('cell').nth(2)).toHaveText('12');
  await expect(boards.loadDemoButton()).toHaveCount(0);
  await saveScreen('boards');

  expect((await api('app.info', {})).estateIsEmpty).toBe(false);
});

test('the demo estate is not offered once the estate has a board', async ({ page, api }) => {
  await api('boards.create', { name: 'NHS Own Board' });
  const boards = new BoardsPage(page);
  await boards.goto();
  await expect(boards.row(boards.table(), 'NHS Own Board')).toBeVisible();
  await expect(boards.loadDemoButton()).toHaveCount(0);
});
