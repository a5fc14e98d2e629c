/**
 * The UI as the bench sees it: locators by role and name, and the in-page probes (long tasks, filter latency).
 * The probes run in the page, so they are plain DOM code with no imports.
 */
import type { Locator, Page } from '@playwright/test';

interface BenchWindow {
  __benchLongTasks: { start: number; duration: number }[];
  __benchFilter?: Promise<number>;
}

/** Installed before any page script: records every long main-thread task (> 50 ms) with its start time. */
export function installLongTaskObserver(): void {
  const w = window as unknown as BenchWindow; // the bench's own globals on the page's window
  w.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      w.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

export class CaptureUi {
  constructor(readonly page: Page) {}

  get ready(): Locator {
    return this.page.locator('[data-app-state="ready"]');
  }

  /** The capture list: a table (or a grid, if it becomes interactive) named "Captured callbacks". */
  get grid(): Locator {
    const name = /captured callbacks/i;
    return this.page.getByRole('table', { name }).or(this.page.getByRole('grid', { name })).first();
  }

  /** The first data row (the header row is row 1 of the grid). */
  get firstRow(): Locator {
    return this.grid.getByRole('row').nth(1);
  }

  get filter(): Locator {
    return this.page
      .getByRole('searchbox', { name: /filter/i })
      .or(this.page.getByRole('textbox', { name: /filter/i }))
      .first();
  }

  get followNewest(): Locator {
    return this.page.getByRole('checkbox', { name: /follow newest/i });
  }

  /** Rows the grid reports (aria-rowcount counts the header row too). */
  async rowCount(): Promise<number> {
    return Number(await this.grid.getAttribute('aria-rowcount')) - 1;
  }

  async waitForRowCount(atLeast: number, timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(
      (min) => Number(document.querySelector('[aria-rowcount]')?.getAttribute('aria-rowcount') ?? 0) - 1 >= min,
      atLeast,
      { timeout: timeoutMs, polling: 100 },
    );
  }

  /**
   * Types `text` into the filter and measures, in the page, from the input event to the first animation frame
   * in which the grid reports `expectedRows` rows. Returns -1 when that does not happen within 10 s.
   */
  async timeFilter(text: string, expectedRows: number): Promise<number> {
    await this.page.evaluate((expected) => {
      const w = window as unknown as BenchWindow; // the bench's own globals on the page's window
      w.__benchFilter = new Promise<number>((resolve) => {
        let start: number | null = null;
        document.addEventListener(
          'input',
          () => {
            start = performance.now();
          },
          { capture: true, once: true },
        );
        const giveUp = setTimeout(() => resolve(-1), 10_000);
        const tick = (): void => {
          const count = Number(document.querySelector('[aria-rowcount]')?.getAttribute('aria-rowcount') ?? 0) - 1;
          if (start !== null && count === expected) {
            clearTimeout(giveUp);
            resolve(performance.now() - start);
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    }, expectedRows);
    await this.filter.fill(text);
    return this.page.evaluate(() => (window as unknown as BenchWindow).__benchFilter ?? -1); // set just above
  }

  /** Long tasks that started after `since` (page time, ms). */
  async longTasksSince(since: number): Promise<{ start: number; duration: number }[]> {
    return this.page.evaluate(
      (t) => (window as unknown as BenchWindow).__benchLongTasks.filter((task) => task.start >= t), // bench globals
      since,
    );
  }

  now(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }
}
