import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { HeldStatus } from './pages/held-status.js';
import { Keyboard } from './pages/keyboard.js';

test('J/K, Home/End select and scroll into view; Tab reaches the list after the selection scrolled away', async ({
  engine,
  inspector,
  page,
}) => {
  const keys = new Keyboard(page);
  // More rows than fit: the table renders only a window of them.
  for (let burst = 0; burst < 8; burst++) {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: `u${burst * 20 + i}` }),
      ),
    );
  }
  await expect(page.getByText('160 captures')).toBeVisible();
  const selected = keys.selectedRow();

  // Nothing selected: J selects the oldest row and brings it into view.
  await keys.press('j');
  await expect(inspector.detailHeading()).toContainText('#1 ');
  await expect(selected).toBeInViewport();
  await keys.press('j', 'j');
  await expect(inspector.detailHeading()).toContainText('#3 ');
  await keys.press('k');
  await expect(inspector.detailHeading()).toContainText('#2 ');
  await keys.press('End');
  await expect(inspector.detailHeading()).toContainText('#160 ');
  await expect(selected).toBeInViewport();
  await keys.press('Home');
  await expect(inspector.detailHeading()).toContainText('#1 ');
  await expect(selected).toBeInViewport();
  await expect(selected).toBeFocused();
  // Arrow keys on the focused row move the focus with the selection, deep into rows not rendered before.
  for (let i = 0; i < 60; i++) await keys.press('ArrowDown');
  await expect(inspector.detailHeading()).toContainText('#61 ');
  await expect(selected).toBeFocused();
  await expect(selected).toBeInViewport();

  // Scroll the selected row far out of the rendered window, then Tab from the filter: a row still takes focus.
  await inspector.followNewest().check();
  await page.getByRole('searchbox', { name: 'Filter' }).focus();
  const row = inspector.rows().first();
  await keys.tabTo(
    inspector
      .table()
      .getByRole('row')
      .filter({ has: page.getByRole('cell') })
      .and(page.locator('[tabindex="0"]')),
  );
  await expect(row.or(inspector.rows().last())).toBeTruthy();
  await expect(keys.focused()).toHaveAttribute('data-state', 'answered');
  await expect(keys.focused()).toBeInViewport();
});

test('? lists the shortcuts', async ({ inspector, page }) => {
  const keys = new Keyboard(page);
  await expect(inspector.emptyStateHeading()).toBeVisible();
  await page.locator('body').focus();
  await keys.press('?');
  await expect(keys.shortcutHelp()).toBeVisible();
  for (const text of ['next held request', 'allow the selected held request', 'send the answer', 'first / last row'])
    await expect(keys.shortcutHelp()).toContainText(text);
  await inspector.screenshot('30-shortcut-help');
  await keys.press('Escape');
  await expect(keys.shortcutHelp()).toBeHidden();
});

test('keyboard only: a held request from arrival to Send answer', async ({ engine, inspector, page }) => {
  const keys = new Keyboard(page);
  await engine.api.patchSettings({ hold: { mode: 'before', openimTimeoutMs: 15_000 } });
  await postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: 'earlier' });
  await expect(inspector.rows()).toHaveCount(1);

  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
    fromUserID: 'keyboard',
    toUserID: 'only',
  });
  await expect(new HeldStatus(page).root()).toContainText('1 held');
  // H: the held request is selected and its row focused; D: deny; Tab through the panel to Send answer.
  await keys.press('h');
  await expect(inspector.detailHeading()).toContainText('callbackBeforeAddFriendCommand');
  await expect(keys.focused()).toContainText('keyboard → only');
  await keys.press('d');
  await expect(inspector.decision.code()).toHaveValue('5001');
  const send = inspector.decision.root().getByRole('button', { name: 'Send answer' });
  await keys.tabTo(send);
  await inspector.screenshot('31-keyboard-send-focused');
  await keys.press('Enter');
  const answer = await pending;
  expect(answer.json).toMatchObject({ actionCode: 0, nextCode: 1, errCode: 5001 });
  await expect(inspector.row('keyboard → only')).toHaveAttribute('data-state', 'answered');
});
