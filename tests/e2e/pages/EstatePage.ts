import { expect, type Locator, type Page } from '@playwright/test';

/** What every screen of the estate register has: heading, breadcrumbs, status and error summary. */
export class EstatePage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  breadcrumbs(): Locator {
    return this.page.getByRole('navigation', { name: 'Breadcrumb' });
  }

  /** The app's live region ("Board added", "Saved"). */
  status(): Locator {
    return this.page.getByRole('status');
  }

  errorSummary(): Locator {
    return this.page.locator('.nhsuk-error-summary');
  }

  async expectHeading(text: string | RegExp): Promise<void> {
    await expect(this.heading()).toContainText(text);
  }

  async expectStatus(text: string | RegExp): Promise<void> {
    await expect(this.status()).toContainText(text);
  }

  /** The row of a table whose row header is `name`. */
  row(table: Locator, name: string): Locator {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
}
