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

  /** The line beside Save: how many problems, and the engine's refusal when it refused. */
  problemSummary(): Locator {
    return this.editor().getByRole('status');
  }

  editor(): Locator {
    return this.page.getByRole('region', { name: 'Rule editor' });
  }

  field(name: string): Locator {
    return this.editor().getByRole('textbox', { name, exact: true });
  }

  select(name: string): Locator {
    return this.editor().getByRole('combobox', { name, exact: true });
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
