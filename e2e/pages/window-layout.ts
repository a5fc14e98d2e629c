import type { Locator, Page } from '@playwright/test';

/** Where things are on screen: for "fits the window" checks (product.md §6 v3). */
export class WindowLayout {
  constructor(private readonly page: Page) {}

  /** True when the whole element is inside the viewport (nothing cut, no scrolling needed). */
  async fullyVisible(locator: Locator): Promise<boolean> {
    const box = await locator.boundingBox();
    const size = this.page.viewportSize();
    if (!box || !size) return false;
    return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
  }

  /**
   * True when the element's whole height is inside the viewport (a table row may be wider than its pane), to
   * within a pixel: layout positions are fractional and the scroll range is rounded.
   */
  async verticallyVisible(locator: Locator): Promise<boolean> {
    const box = await locator.boundingBox();
    const size = this.page.viewportSize();
    if (!box || !size) return false;
    return box.y >= 0 && box.y + box.height <= size.height + 1;
  }

  async top(locator: Locator): Promise<number> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not visible');
    return box.y;
  }

  async width(locator: Locator): Promise<number> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not visible');
    return box.width;
  }

  filterField(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter' });
  }

  heldStatusButton(): Locator {
    return this.page.getByRole('status', { name: 'Held requests' }).getByRole('button');
  }

  exportMenuItems(): Locator {
    return this.page.getByRole('button', { name: /^Export (JSON|HAR|NDJSON)$/ });
  }

  /** The column resize handles that are Tab stops. */
  tabbableResizers(): Locator {
    return this.page.locator('[role="separator"][aria-label$=" column"][tabindex="0"]');
  }
}
