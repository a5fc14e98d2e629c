import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings dialog: one field per engine setting, errors described at the field. */
export class SettingsDialog {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.getByRole('dialog', { name: 'Settings' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(this.root()).toBeVisible();
  }

  field(label: string): Locator {
    return this.root().getByRole('textbox', { name: label, exact: true });
  }

  choice(label: string): Locator {
    return this.root().getByRole('combobox', { name: label, exact: true });
  }

  async save(): Promise<void> {
    await this.root().getByRole('button', { name: 'Save settings' }).click();
  }
}
