import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { HeldStatus } from './pages/held-status.js';

// Generous server timeouts: the person in these tests is a script on a slow 2-core machine.
test.beforeEach(async ({ engine }) => {
  await engine.api.patchSettings({ hold: { openimTimeoutMs: 15_000, tencentTimeoutMs: 15_000 } });
});

test('a held request is never missed: title, top-bar status with countdown, click and H select it', async ({
  engine,
  inspector,
  page,
}) => {
  const held = new HeldStatus(page);
  // A table scrolled away from the newest rows, as when a person reads older callbacks.
  await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: `old${i}` }),
    ),
  );
  await expect(page.getByText('60 captures')).toBeVisible();
  await inspector.selectEdgeByKey('Home');
  await expect(inspector.row(/old\d+ →/).first()).toBeInViewport();
  await expect(held.root()).toHaveCount(0);
  await expect(page).toHaveTitle('Callback Inspector');

  await inspector.setHoldMode('before');
  const first = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'mallory' });
  await expect(held.root()).toContainText(/1 held · next fallback in \d+\.\d s/);
  await expect(page).toHaveTitle('(1 held) Callback Inspector');
  await expect(inspector.row('mallory →')).not.toBeInViewport();
  await inspector.screenshot('10-held-status');

  // OpenIM both: a Tencent hold ends before Tencent's own 2 s, too soon for this walk through the list.
  const second = postCallback(engine.listenerUrl, 'callbackBeforeSetFriendRemarkCommand', {
    ownerUserID: 'owner2',
    friendUserID: 'friend2',
  });
  await expect(held.root()).toContainText('2 held');
  await expect(page).toHaveTitle('(2 held) Callback Inspector');

  // The status selects the most urgent first (mallory's OpenIM request arrived first), and shows its row.
  await held.click();
  await expect(inspector.detailHeading()).toContainText('callbackBeforeAddFriendCommand');
  await expect(inspector.row('mallory →')).toBeInViewport();
  await inspector.decision.expectVisible();
  // H moves on to the next held request, then wraps around.
  await page.keyboard.press('h');
  await expect(inspector.detailHeading()).toContainText('callbackBeforeSetFriendRemarkCommand');
  await expect(inspector.row('owner2 → friend2')).toBeInViewport();
  await page.keyboard.press('h');
  await expect(inspector.detailHeading()).toContainText('callbackBeforeAddFriendCommand');

  await inspector.decision.send();
  expect((await first).json).toMatchObject({ actionCode: 0 });
  await expect(held.root()).toContainText('1 held');
  await expect(page).toHaveTitle('(1 held) Callback Inspector');
  await page.keyboard.press('h');
  await inspector.decision.send();
  expect((await second).json).toMatchObject({ actionCode: 0 });
  await expect(held.root()).toHaveCount(0);
  await expect(page).toHaveTitle('Callback Inspector');
});

test('H reveals a held request hidden by the filter', async ({ engine, inspector, page }) => {
  await inspector.setHoldMode('before');
  await postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: 'seen' });
  await inspector.filterState('answered');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'hidden' });
  await expect(new HeldStatus(page).root()).toContainText('1 held');
  await expect(inspector.row('hidden →')).toHaveCount(0);
  await page.keyboard.press('h');
  await expect(inspector.row('hidden →')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'State' })).toHaveValue('');
  await page.keyboard.press('Enter');
  expect((await pending).json).toMatchObject({ actionCode: 0, nextCode: 0 });
});
