import { expect, type Locator, type Page } from '@playwright/test';

/** "Send to backend" and "Replay session": playing the IM server from the window. */
export class PlayDialogs {
  constructor(private readonly page: Page) {}

  sendDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Send to backend' });
  }

  replayDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Replay session' });
  }

  /** Opens the editor from the selected capture's actions. */
  async openSendFromDetail(): Promise<void> {
    await this.page.getByRole('tabpanel').getByRole('button', { name: 'Send to backend' }).click();
    await expect(this.sendDialog()).toBeVisible();
  }

  async openSendFromTopBar(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Send to backend' }).click();
    await expect(this.sendDialog()).toBeVisible();
  }

  backendUrl(dialog: Locator): Locator {
    return dialog.getByRole('textbox', { name: 'Backend URL' });
  }

  body(): Locator {
    return this.sendDialog().getByRole('textbox', { name: 'Body (JSON)' });
  }

  /** The chosen command's wire name (read-only: it is chosen from the sample menu). */
  command(): Locator {
    return this.sendDialog().getByRole('textbox', { name: 'Command', exact: true });
  }

  sampleChooser(): Locator {
    return this.sendDialog().getByRole('button', { name: 'Choose a sample' });
  }

  /** Opens the dialog's sample menu, narrows it to the command and takes that sample. */
  async chooseSample(command: string): Promise<void> {
    await this.sampleChooser().click();
    await this.sendDialog().getByRole('searchbox', { name: 'Filter samples' }).fill(command);
    await this.sendDialog()
      .getByRole('button', { name: new RegExp(`${command.replace(/\./g, '\\.')}$`) })
      .click();
  }

  profile(): Locator {
    return this.sendDialog().getByRole('combobox', { name: /Server profile/ });
  }

  async send(): Promise<void> {
    await this.sendDialog().getByRole('button', { name: 'Send', exact: true }).click();
  }

  async openReplay(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Replay', exact: true }).click();
    await expect(this.replayDialog()).toBeVisible();
  }

  async replay(url: string): Promise<void> {
    await this.backendUrl(this.replayDialog()).fill(url);
    await this.replayDialog().getByRole('button', { name: 'Replay imported captures' }).click();
  }

  /** What to replay: imported captures, the selected one, or every capture in the table. */
  replayScope(): Locator {
    return this.replayDialog().getByRole('combobox', { name: 'Replay' });
  }

  async replayScoped(url: string, scope: RegExp): Promise<void> {
    await this.backendUrl(this.replayDialog()).fill(url);
    const option = (await this.replayScope().locator('option').allTextContents()).find((t) => scope.test(t));
    if (!option) throw new Error(`no replay choice ${scope}`);
    await this.replayScope().selectOption({ label: option });
    await this.replayDialog()
      .getByRole('button', { name: /^Replay/ })
      .click();
  }

  replaySummary(): Locator {
    return this.replayDialog().getByRole('status');
  }

  changedItems(): Locator {
    return this.replayDialog().getByRole('list', { name: 'Changed callbacks' }).getByRole('button');
  }

  diff(): Locator {
    return this.replayDialog().getByRole('region', { name: 'Recorded and new answer' });
  }
}
