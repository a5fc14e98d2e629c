import { expect, type Locator, type Page } from '@playwright/test';

/** The Rules tab: list and editor. */
export class RulesPanel {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Rules/ }).click();
  }

  async add(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add rule' }).click();
  }

  /** Problems found while typing (the shared rule schema). */
  problems(): Locator {
    return this.editor().getByRole('list', { name: 'Problems' });
  }

  /** The engine's 400 answer to PUT /api/rules, with its details. */
  engineError(): Locator {
    return this.editor().getByRole('alert');
  }

  editor(): Locator {
    return this.page.getByRole('region', { name: 'Rule editor' });
  }

  field(name: string): Locator {
    return this.editor().getByRole('textbox', { name, exact: true });
  }

  async save(): Promise<void> {
    await this.editor().getByRole('button', { name: 'Save rule' }).click();
  }

  list(): Locator {
    return this.page.getByRole('list', { name: 'Rule list' });
  }

  rule(name: string | RegExp): Locator {
    return this.list().getByRole('listitem').filter({ hasText: name });
  }

  async expectRuleCount(count: number): Promise<void> {
    await expect(this.list().getByRole('listitem')).toHaveCount(count);
  }
}
