import type { Locator } from '@playwright/test';
import { EstatePage } from './EstatePage';

export interface WardDetails {
  name: string;
  /** The label shown in the ward type list, e.g. "Adult acute". */
  type?: string;
  beds?: string;
  /** The radio's label, e.g. "Mixed sex". */
  sex?: string;
  block?: string;
  eamsCode?: string;
}

export class SitePage extends EstatePage {
  async goto(siteId: string): Promise<void> {
    await this.page.goto(`/#/sites/${siteId}`);
    await this.heading().waitFor();
  }

  wardForm(): Locator {
    return this.page.getByRole('form', { name: 'Add a ward' });
  }

  wardsTable(): Locator {
    return this.page.getByRole('table', { name: 'Wards' });
  }

  async fillWard(ward: WardDetails): Promise<void> {
    const form = this.wardForm();
    await form.getByLabel('Ward name').fill(ward.name);
    if (ward.type) await form.getByLabel('Ward type').selectOption({ label: ward.type });
    if (ward.beds !== undefined) await form.getByLabel('Number of beds').fill(ward.beds);
    if (ward.sex) await form.getByRole('group', { name: 'Sex designation' }).getByLabel(ward.sex).check();
    if (ward.block) await form.getByLabel('Block or building (optional)').fill(ward.block);
    if (ward.eamsCode) await form.getByLabel('EAMS block code (optional)').fill(ward.eamsCode);
  }

  async addWard(ward: WardDetails): Promise<void> {
    await this.fillWard(ward);
    await this.wardForm().getByRole('button', { name: 'Add ward' }).click();
  }
}
