import type { Locator } from '@playwright/test';
import { EstatePage } from './EstatePage';

export class BoardPage extends EstatePage {
  async goto(boardId: string): Promise<void> {
    await this.page.goto(`/#/boards/${boardId}`);
    await this.heading().waitFor();
  }

  siteForm(): Locator {
    return this.page.getByRole('form', { name: 'Add a site' });
  }

  sitesTable(): Locator {
    return this.page.getByRole('table', { name: 'Sites' });
  }

  removeButton(): Locator {
    return this.page.getByRole('button', { name: 'Remove board' });
  }

  /** The confirmation step of a removal. */
  confirmation(): Locator {
    return this.page.getByRole('region', { name: /^Remove / });
  }

  async addSite(name: string, eamsCode = ''): Promise<void> {
    await this.siteForm().getByLabel('Site name').fill(name);
    await this.siteForm().getByLabel('EAMS site code (optional)').fill(eamsCode);
    await this.siteForm().getByRole('button', { name: 'Add site' }).click();
  }

  async rename(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Rename board' }).click();
    await this.page.getByRole('form', { name: 'Change the board name' }).getByLabel('Board name').fill(name);
    await this.page.getByRole('button', { name: 'Save name' }).click();
  }
}
