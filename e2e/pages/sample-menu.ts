import type { Locator, Page } from '@playwright/test';

/** The searchable sample menu (empty state, or the top bar's "Send sample" popover). */
export class SampleMenu {
  constructor(private readonly page: Page) {}

  filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter samples' });
  }

  /** A sample's button; its name is its title then its wire name, as shown. */
  sample(command: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`${command.replace(/\./g, '\\.')}$`) });
  }

  familyHeading(name: string): Locator {
    return this.page.getByRole('heading', { name, exact: true });
  }

  sampleButtons(): Locator {
    return this.page.locator('.sample-menu').getByRole('button');
  }
}
