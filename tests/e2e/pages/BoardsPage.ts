import type { Locator } from '@playwright/test';
import { EstatePage } from './EstatePage';

export class BoardsPage extends EstatePage {
  async goto(): Promise<void> {
    await this.page.goto('/#/');
    await this.expectHeading('Estate register');
  }

  form(): Locator {
    return this.page.getByRole('form', { name: 'Add a board' });
  }

  nameField(): Locator {
    return this.form().getByLabel('Board name');
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Boards' });
  }

  loadDemoButton(): Locator {
    return this.page.getByRole('button', { name: 'Load the demo estate' });
  }

  async addBoard(name: string, code = ''): Promise<void> {
    await this.nameField().fill(name);
    await this.form().getByLabel('Board code (optional)').fill(code);
    await this.form().getByRole('button', { name: 'Add board' }).click();
  }

  async openBoard(name: string): Promise<void> {
    await this.table().getByRole('link', { name, exact: true }).click();
    await this.expectHeading(name);
  }
}
