import type { Locator, Page } from '@playwright/test';

/** The decision panel's "Answer fields" block: one input per catalogued answer field, named by its wire name. */
export class AnswerFieldsBlock {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.getByRole('region', { name: 'Decision' }).locator('details.answer-fields');
  }

  summary(): Locator {
    return this.root().getByText(/^Answer fields/);
  }

  async open(): Promise<void> {
    if (!(await this.root().evaluate((el) => (el as HTMLDetailsElement).open))) await this.summary().click();
  }

  field(wireName: string): Locator {
    return this.root().getByRole('textbox', { name: wireName, exact: true });
  }

  /** "Rewrite <wire name>": the field goes into the answer's `rewrite` (typing in the field ticks it). */
  rewrite(wireName: string): Locator {
    return this.root().getByRole('checkbox', { name: `Rewrite ${wireName}`, exact: true });
  }
}
