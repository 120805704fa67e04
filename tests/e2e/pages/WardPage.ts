import type { Locator } from '@playwright/test';
import { EstatePage } from './EstatePage';

export interface AreaDetails {
  /** The label shown in the area type list, e.g. "Bedroom". */
  type?: string;
  name: string;
  /** 1, 2 or 3; left as the form chose it when absent. */
  tier?: 1 | 2 | 3;
  reason?: string;
}

export class WardPage extends EstatePage {
  async goto(wardId: string): Promise<void> {
    await this.page.goto(`/#/wards/${wardId}`);
    await this.heading().waitFor();
  }

  areaForm(): Locator {
    return this.page.getByRole('form', { name: 'Add an area' });
  }

  areasTable(): Locator {
    return this.page.getByRole('table', { name: 'Areas on this ward' });
  }

  tierGroup(form: Locator = this.areaForm()): Locator {
    return form.getByRole('group', { name: 'Supervision tier' });
  }

  tierRadio(tier: 1 | 2 | 3, form: Locator = this.areaForm()): Locator {
    return this.tierGroup(form).getByRole('radio', { name: new RegExp(`^Tier ${tier}`) });
  }

  reasonField(form: Locator = this.areaForm()): Locator {
    return form.getByLabel('Reason for the tier');
  }

  nameField(form: Locator = this.areaForm()): Locator {
    return form.getByLabel('Area name');
  }

  async fillArea(area: AreaDetails, form: Locator = this.areaForm()): Promise<void> {
    if (area.type) await form.getByLabel('Area type').selectOption({ label: area.type });
    await this.nameField(form).fill(area.name);
    if (area.tier) await this.tierRadio(area.tier, form).check();
    if (area.reason !== undefined) await this.reasonField(form).fill(area.reason);
  }

  async addArea(area: AreaDetails): Promise<void> {
    await this.fillArea(area);
    await this.areaForm().getByRole('button', { name: 'Add area' }).click();
  }

  areaRow(name: string): Locator {
    return this.row(this.areasTable(), name);
  }
}
