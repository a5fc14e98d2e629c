import { expect, type Locator, type Page } from '@playwright/test';

/** The Flows view (list-pane tab): flow rows, the selected flow's timeline. By role and accessible name only. */
export class FlowsView {
  constructor(readonly page: Page) {}

  tab(): Locator {
    return this.page.getByRole('tab', { name: /^Flows/ });
  }

  async open(): Promise<void> {
    await this.tab().click();
    await expect(this.tab()).toHaveAttribute('aria-selected', 'true');
  }

  async showCaptures(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Captures' }).click();
  }

  list(): Locator {
    return this.page.getByRole('list', { name: 'Flows' });
  }

  row(text: string | RegExp): Locator {
    return this.list().getByRole('button', { name: text });
  }

  async select(text: string | RegExp): Promise<void> {
    await this.row(text).click();
    await expect(this.row(text)).toHaveAttribute('aria-pressed', 'true');
  }

  timeline(): Locator {
    return this.page.getByRole('region', { name: /^Timeline of/ });
  }

  /** A step's command button ("Before add friend"): clicking it selects its capture. */
  step(label: string | RegExp): Locator {
    return this.timeline().getByRole('button', { name: label });
  }

  reasons(): Locator {
    return this.timeline().getByRole('list', { name: 'Likely reasons' });
  }
}
