import type { Locator, Page } from '@playwright/test';

export type ColumnName =
  | '#'
  | 'Time'
  | 'Dialect'
  | 'Command'
  | 'Parties'
  | 'Key field'
  | 'State'
  | 'Answer'
  | 'Outcome'
  | 'Latency';

const COLUMNS: readonly ColumnName[] = [
  '#',
  'Time',
  'Dialect',
  'Command',
  'Parties',
  'Key field',
  'State',
  'Answer',
  'Outcome',
  'Latency',
];

/** Table layout: cells by column, column and pane resizing, the "nothing matches" message. */
export class CaptureTablePage {
  constructor(private readonly page: Page) {}

  cell(row: Locator, column: ColumnName): Locator {
    return row.getByRole('cell').nth(COLUMNS.indexOf(column));
  }

  /** True when the cell's text does not fit (it is cut with an ellipsis). */
  isTruncated(cell: Locator): Promise<boolean> {
    return cell.evaluate((el) => el.scrollWidth > el.clientWidth);
  }

  columnResizer(column: ColumnName): Locator {
    return this.page.getByRole('separator', { name: `Resize ${column} column` });
  }

  paneResizer(): Locator {
    return this.page.getByRole('separator', { name: 'Resize details pane' });
  }

  detailsPane(): Locator {
    return this.page.getByRole('complementary');
  }

  /** Drags a resize handle horizontally by `dx` pixels with the mouse. */
  async drag(handle: Locator, dx: number): Promise<void> {
    const box = await handle.boundingBox();
    if (!box) throw new Error('resize handle not visible');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y);
    await this.page.mouse.move(x + dx, y);
    await this.page.mouse.up();
  }

  async width(locator: Locator): Promise<number> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not visible');
    return box.width;
  }

  noMatches(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'No captures match the filter' });
  }
}
