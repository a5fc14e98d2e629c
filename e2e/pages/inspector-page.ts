import { type Download, expect, type Locator, type Page } from '@playwright/test';
import { DecisionPanel } from './decision-panel.js';
import { RulesPanel } from './rules-panel.js';

export type HoldModeOption = 'off' | 'before' | 'all';

/** The main window, by role and accessible name only. */
export class InspectorPage {
  readonly decision: DecisionPanel;
  readonly rules: RulesPanel;

  constructor(readonly page: Page) {
    this.decision = new DecisionPanel(page);
    this.rules = new RulesPanel(page);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.expectReady();
  }

  /** The app's readiness attribute on <html>: connected and data loaded. */
  async expectReady(timeout = 15_000): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'ready', { timeout });
  }

  async expectDisconnected(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'disconnected');
    await expect(this.disconnectedBanner()).toBeVisible();
  }

  /** Resends the selected row's request to the listener (through the control API). */
  async resendSelected(): Promise<void> {
    await this.page.getByRole('button', { name: 'Resend to listener' }).click();
  }

  /** Clicks "Copy as cURL" for the selected row and returns what reached the clipboard. */
  async copyAsCurl(): Promise<string> {
    await this.page.getByRole('button', { name: 'Copy as cURL' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'as cURL' })).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** The banner saying captures cannot be written to the data dir (product.md §4). */
  persistenceBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Captures are not being saved to disk' });
  }

  disconnectedBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Disconnected from the engine' });
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Captured callbacks' });
  }

  /** Data rows (the header row has column headers, not cells). */
  rows(): Locator {
    return this.table()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  followNewest(): Locator {
    return this.page.getByRole('checkbox', { name: 'Follow newest' });
  }

  row(text: string | RegExp): Locator {
    return this.rows().filter({ hasText: text });
  }

  async selectRow(text: string | RegExp): Promise<void> {
    await this.row(text).first().click();
    await expect(this.detailHeading()).toBeVisible();
  }

  detailHeading(): Locator {
    return this.page.getByRole('tabpanel').getByRole('heading', { level: 2 });
  }

  detailSection(name: 'Request' | 'Response sent' | 'Checks' | 'Predicted outcome'): Locator {
    return this.page.getByRole('region', { name });
  }

  emptyStateHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Waiting for callbacks' });
  }

  /** Sends a catalogue sample: from the empty state when it is shown, else from the "Send sample" menu. */
  async sendSample(command: string): Promise<void> {
    // Anchored at the end: the menu lists every command, and one name may start another.
    const name = new RegExp(`${command.replace(/\./g, '\\.')}$`);
    if (!(await this.emptyStateHeading().isVisible())) {
      await this.page.getByRole('button', { name: 'Send sample', exact: true }).click();
    }
    await this.page.getByRole('button', { name }).click();
  }

  async setHoldMode(mode: HoldModeOption): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Hold' }).selectOption(mode);
    await expect(this.page.getByRole('combobox', { name: 'Hold' })).toHaveValue(mode);
  }

  async filter(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter' }).fill(text);
  }

  async filterState(state: 'held' | 'answered' | 'failed' | ''): Promise<void> {
    await this.page.getByRole('combobox', { name: 'State' }).selectOption(state);
  }

  async export(format: 'JSON' | 'HAR' | 'NDJSON'): Promise<Download> {
    await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Export ${format}` }).click();
    return download;
  }

  /** Clear, confirmed in the dialog that names what goes. */
  async clear(): Promise<void> {
    await this.clearButton().click();
    await this.clearDialog()
      .getByRole('button', { name: /^Clear \d[\d,]* captures?$/ })
      .click();
    await expect(this.clearDialog()).toBeHidden();
  }

  clearButton(): Locator {
    return this.page.getByRole('button', { name: 'Clear', exact: true });
  }

  clearDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Clear all captures?' });
  }

  async importFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles(path);
  }

  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async openSetupHelp(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Setup help' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Setup help' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async closeSetupHelp(): Promise<void> {
    await this.page.getByRole('dialog', { name: 'Setup help' }).getByRole('button', { name: 'Close' }).click();
  }

  async makeRuleFromSelected(): Promise<void> {
    await this.page.getByRole('button', { name: 'Make this a rule' }).click();
  }

  listenerStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /listening|down:|starting/ });
  }

  /** Home/End from the page (no field focused): select the first/last row. */
  async selectEdgeByKey(key: 'Home' | 'End'): Promise<void> {
    await this.page.locator('body').focus();
    await this.page.keyboard.press(key);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }
}
