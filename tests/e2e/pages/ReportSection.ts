import type { Locator, Page } from '@playwright/test';

/** The "Download the … report" section of a board, site or ward page. */
export class ReportSection {
  constructor(
    readonly page: Page,
    readonly what: 'board report' | 'site report' | 'ward report',
  ) {}

  region(): Locator {
    return this.page.getByRole('region', { name: `Download the ${this.what}` });
  }

  choice(label: 'Round' | 'Assessment'): Locator {
    return this.region().getByLabel(label);
  }

  button(): Locator {
    return this.region().getByRole('button', { name: `Download ${this.what} (PDF)` });
  }

  progress(): Locator {
    return this.region().getByRole('progressbar', { name: `Preparing the ${this.what}` });
  }
}
