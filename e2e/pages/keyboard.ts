import { expect, type Locator, type Page } from '@playwright/test';

/** Keyboard-only use: where the focus is, and the shortcut list. */
export class Keyboard {
  constructor(private readonly page: Page) {}

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** Tab until `target` has the focus (at most `limit` presses); fails if it is never reached. */
  async tabTo(target: Locator, limit = 60): Promise<number> {
    for (let i = 1; i <= limit; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return i;
    }
    throw new Error(`not reachable with Tab in ${limit} presses`);
  }

  /** The element that has the focus now. */
  focused(): Locator {
    return this.page.locator(':focus');
  }

  /** The selected table row (aria-current). */
  selectedRow(): Locator {
    return this.page.getByRole('table', { name: 'Captured callbacks' }).locator('tr[aria-current="true"]');
  }

  /** The one table row in the Tab order (roving tabindex). */
  tabbableRow(): Locator {
    return this.page.getByRole('table', { name: 'Captured callbacks' }).locator('tbody tr[tabindex="0"]');
  }

  shortcutHelp(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  async expectFocused(target: Locator): Promise<void> {
    await expect(target).toBeFocused();
  }
}
