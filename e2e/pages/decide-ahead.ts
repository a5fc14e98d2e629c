import { expect, type Locator, type Page } from '@playwright/test';

/** "Decide ahead" for a capture that is not held: arm its decision for the next matching request. */
export class DecideAhead {
  constructor(private readonly page: Page) {}

  fold(): Locator {
    return this.page.getByRole('group').filter({ hasText: 'Decide ahead for the next request like this' });
  }

  root(): Locator {
    return this.page.getByRole('region', { name: 'Decide ahead' });
  }

  /** Unfolds the panel (a click on an unfolded one would fold it). */
  async open(): Promise<void> {
    if (await this.root().isVisible()) return;
    await this.page.getByText('Decide ahead for the next request like this').click();
    await expect(this.root()).toBeVisible();
  }

  async deny(): Promise<void> {
    await this.root().getByRole('button', { name: 'Deny', exact: true }).click();
  }

  async denyTarget(account: string): Promise<void> {
    await this.root()
      .getByRole('button', { name: `Deny ${account}`, exact: true })
      .click();
  }

  async arm(): Promise<void> {
    await this.root().getByRole('button', { name: 'Arm for the next match' }).click();
  }

  /** The "Armed …" line with its Cancel button (in the details, above the fold). */
  armedNotice(): Locator {
    return this.page.getByRole('status', { name: 'Armed decision' });
  }

  async cancel(): Promise<void> {
    await this.armedNotice().getByRole('button', { name: 'Cancel armed decision' }).click();
  }
}
