import type { Locator, Page } from '@playwright/test';

/** The top bar's "N held · next fallback in …" status and the window title. */
export class HeldStatus {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\d+ held/ });
  }

  async click(): Promise<void> {
    await this.root().getByRole('button').click();
  }

  title(): Promise<string> {
    return this.page.title();
  }
}
