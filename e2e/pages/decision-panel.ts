import { expect, type Locator, type Page } from '@playwright/test';

/** The decision panel of a held request. */
export class DecisionPanel {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.getByRole('region', { name: 'Decision' });
  }

  async expectVisible(): Promise<void> {
    await expect(this.root()).toBeVisible();
  }

  async allow(): Promise<void> {
    await this.root().getByRole('button', { name: 'Allow', exact: true }).click();
  }

  async deny(): Promise<void> {
    await this.root().getByRole('button', { name: 'Deny', exact: true }).click();
  }

  async send(): Promise<void> {
    await this.root().getByRole('button', { name: 'Send answer' }).click();
  }

  code(): Locator {
    return this.root().getByRole('textbox', { name: 'Code', exact: true });
  }

  /** The remark is one of the command's answer fields (the "Answer fields" block, open for a command with few). */
  async rewriteRemark(remark: string): Promise<void> {
    await this.root().getByRole('checkbox', { name: 'Rewrite remark' }).check();
    await this.remarkField().fill(remark);
    await expect(this.root().getByRole('checkbox', { name: 'Rewrite remark' })).toBeChecked();
  }

  remarkField(): Locator {
    return this.root().locator('details.answer-fields').getByRole('textbox', { name: 'remark', exact: true });
  }

  async denyTarget(account: string): Promise<void> {
    await this.root()
      .getByRole('button', { name: `Deny ${account}`, exact: true })
      .click();
  }

  async allowTarget(account: string): Promise<void> {
    await this.root()
      .getByRole('button', { name: `Allow ${account}`, exact: true })
      .click();
  }

  sendError(): Locator {
    return this.root().getByRole('alert');
  }

  /** The exact-answer editor (status, headers, body) and its live prediction. */
  rawEditor(): Locator {
    return this.root().getByRole('region', { name: 'Exact answer' });
  }

  async openRawEditor(): Promise<void> {
    await this.root().getByRole('button', { name: 'Edit the exact answer' }).click();
    await expect(this.rawEditor()).toBeVisible();
  }

  rawField(name: 'Status' | 'Headers' | 'Body'): Locator {
    return this.rawEditor().getByRole('textbox', { name: new RegExp(`^${name}`) });
  }

  rawPrediction(): Locator {
    return this.rawEditor().getByRole('region', { name: 'Predicted outcome of this answer' });
  }

  rawSendButton(): Locator {
    return this.rawEditor().getByRole('button', { name: 'Send this exact answer' });
  }
}
