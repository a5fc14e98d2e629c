import type { Locator } from '@playwright/test';
import { type FakeBackend, startFakeBackend } from '../electron/engine/testing/fake-backend.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { CaptureTablePage } from './pages/capture-table.js';
import { DecideAhead } from './pages/decide-ahead.js';
import { UpstreamPanel } from './pages/upstream-panel.js';
import { WindowLayout } from './pages/window-layout.js';

// issue 23 build 4 / product.md §6 v3 at 1024×700 and 1440×900: what the bar and the table say is readable — the
// listener and backend URLs and the hold note whole (not "http://127.0…", "Holding be…"), the HTTP status in the
// Answer column in view, and the decision buttons inside their panel.
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
];
const ALLOW = '{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}';
let backend: FakeBackend;
test.beforeEach(async () => {
  backend = await startFakeBackend((req) =>
    req.bodyText.includes('"broken"') ? { status: 500, body: 'oops' } : { body: ALLOW },
  );
});
test.afterEach(async () => backend.close());

/** The element shows all of its text: nothing cut by an ellipsis or a clamp, and it is inside the window. */
async function expectWhole(layout: WindowLayout, locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  const cut = await locator.evaluate((el) => {
    // A line clamp hides lines without making the box scroll: the text's own extent must be inside the box too.
    const text = document.createRange();
    text.selectNodeContents(el);
    const t = text.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const overflows = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    return overflows || t.right > box.right + 1 || t.bottom > box.bottom + 1 || t.left < box.left - 1;
  });
  expect(cut, `${what} is cut`).toBe(false);
  expect(await layout.fullyVisible(locator), `${what} in view`).toBe(true);
}

for (const size of SIZES) {
  test(`${size.width}×${size.height}: the URLs and the hold note are whole; the Answer column shows the status`, async ({
    engine,
    inspector,
    page,
  }) => {
    await page.setViewportSize(size);
    const layout = new WindowLayout(page);
    // A backend URL with a path, as apps have them.
    const upstreamUrl = `${backend.url}/api/v1/openim/callback`;
    await new UpstreamPanel(page).forwardTo(upstreamUrl);
    await inspector.setHoldMode('before');
    const bar = page.getByRole('banner');
    await expectWhole(layout, bar.getByText(engine.listenerUrl, { exact: true }), 'listener URL');
    await expectWhole(layout, bar.getByText(upstreamUrl, { exact: true }), 'backend URL');
    await expectWhole(layout, bar.getByText('Holding before-callbacks no rule answers'), 'hold note');

    await inspector.setHoldMode('off');
    await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'fine' });
    await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'broken' });
    const table = new CaptureTablePage(page);
    for (const [user, status] of [
      ['fine', 'HTTP 200'],
      ['broken', 'HTTP 500'],
    ] as const) {
      const row = inspector.row(`${user} →`);
      await expect(table.cell(row, 'Answer')).toHaveText(status);
      await expectWhole(layout, table.cell(row, 'Answer'), `${user}'s Answer`);
      await expectWhole(layout, table.cell(row, 'Outcome'), `${user}'s Outcome`);
      await expect(table.cell(row, 'State')).toHaveText('answered · backend');
      // Who answered, and the command, whole too: the details pane leaves the list room at 1024 px.
      await expectWhole(layout, table.cell(row, 'State'), `${user}'s State`);
      await expectWhole(layout, table.cell(row, 'Command'), `${user}'s Command`);
    }
    // The backend's answer went out as it came: its outcome is the predicted one, said once in the details.
    await inspector.selectRow('broken →');
    await expect(inspector.detailSection('Predicted outcome')).toContainText('fails 90007');
    await expect(page.getByRole('tabpanel').getByText(/fails the friend request with error 90007/)).toHaveCount(1);
    await inspector.screenshot(`readable-${size.width}-upstream`);
  });

  test(`${size.width}×${size.height}: Decide ahead's Arm button stays inside its panel`, async ({
    engine,
    inspector,
    page,
  }) => {
    await page.setViewportSize(size);
    await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
    await inspector.selectRow('id → id1, id2');
    const ahead = new DecideAhead(page);
    await ahead.open();
    const buttons = ahead.root().getByRole('button', { name: /^(Allow|Deny|Arm for the next match)$/ });
    await expect(buttons).toHaveCount(3);
    for (const button of await buttons.all()) {
      // Inside the row of buttons it belongs to, and that row inside the panel's padding.
      const inside = await button.evaluate((el) => {
        const row = el.parentElement?.getBoundingClientRect();
        const panel = el.closest('section')?.getBoundingClientRect();
        const b = el.getBoundingClientRect();
        return !!row && !!panel && b.left >= row.left && b.right <= row.right + 0.5 && row.right < panel.right - 4;
      });
      expect(inside, await button.innerText()).toBe(true);
    }
    await inspector.screenshot(`readable-${size.width}-decide-ahead`);
  });

  test(`${size.width}×${size.height}: the parties are whole at 1440, and in full in their tooltip`, async ({
    engine,
    inspector,
    page,
  }) => {
    await page.setViewportSize(size);
    const layout = new WindowLayout(page);
    const table = new CaptureTablePage(page);
    // Enough rows for the list's scrollbar, which takes its width from the columns.
    for (let i = 0; i < 28; i++) {
      await postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: `u${i}`, toUserID: 'v' });
    }
    await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'spammer' });
    await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
    const long = 'applicant_0123456789 → friend_to_be_9876543210';
    await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
      fromUserID: 'applicant_0123456789',
      toUserID: 'friend_to_be_9876543210',
    });
    await expect(inspector.rows().last()).toContainText(long);
    for (const parties of ['spammer → user456', 'id → id1, id2', long]) {
      const cell = table.cell(inspector.row(parties), 'Parties');
      // The whole text is one hover away, whatever the width.
      await expect(cell.getByTitle(parties, { exact: true })).toHaveText(parties);
      if (size.width === 1440 && parties !== long) await expectWhole(layout, cell, `Parties ${parties}`);
    }
    // The list still keeps what a person decides by whole (1024: product.md §6 v3).
    const row = inspector.row('spammer →');
    for (const column of ['Command', 'State', 'Answer', 'Outcome'] as const) {
      await expectWhole(layout, table.cell(row, column), `spammer's ${column}`);
    }
    await inspector.screenshot(`readable-${size.width}-parties`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await inspector.screenshot(`readable-${size.width}-parties-dark`);
  });
}
