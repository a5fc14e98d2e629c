import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { DecideAhead } from './pages/decide-ahead.js';

// Generous server timeouts: the person in these tests is a script on a slow 2-core machine.
test.beforeEach(async ({ engine }) => {
  await engine.api.patchSettings({ hold: { openimTimeoutMs: 15_000, tencentTimeoutMs: 15_000 } });
});

test('held OpenIM request: Deny in the panel reaches the waiting IM server as a deny', async ({
  engine,
  inspector,
  page,
}) => {
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
    fromUserID: 'carol',
    toUserID: 'dave',
  });
  const row = inspector.row('carol → dave');
  await expect(row).toHaveAttribute('data-state', 'held');
  await expect(row).toContainText(/held \d+\.\d s/);
  await inspector.selectRow('carol → dave');
  await inspector.decision.expectVisible();
  await inspector.decision.deny();
  await expect(inspector.decision.code()).toHaveValue('5001');
  await inspector.screenshot('03-held-decision');
  await page.emulateMedia({ colorScheme: 'dark' });
  await inspector.screenshot('04-held-decision-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await inspector.decision.send();
  const answer = await pending;
  expect(answer.status).toBe(200);
  expect(answer.json).toMatchObject({ actionCode: 0, nextCode: 1, errCode: 5001 });
  await expect(row).toHaveAttribute('data-state', 'answered');
  await expect(row).toContainText('deny 5001');
  await expect(inspector.detailSection('Predicted outcome')).toContainText('blocked');
});

test('keyboard: D then Enter denies the selected held request', async ({ engine, inspector, page }) => {
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'kim' });
  await expect(inspector.row('kim →')).toHaveAttribute('data-state', 'held');
  await inspector.selectRow('kim →');
  await inspector.decision.expectVisible();
  await page.keyboard.press('d');
  await expect(inspector.decision.code()).toHaveValue('5001');
  await page.keyboard.press('Enter');
  expect((await pending).json).toMatchObject({ nextCode: 1, errCode: 5001 });
});

test('Rewrite remark: the IM server receives the new remark', async ({ engine, inspector }) => {
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeSetFriendRemarkCommand', {
    ownerUserID: 'erin',
    friendUserID: 'frank',
    remark: 'old remark',
  });
  await expect(inspector.row('erin → frank')).toHaveAttribute('data-state', 'held');
  await inspector.selectRow('erin → frank');
  await expect(inspector.decision.remarkField()).toHaveValue('old remark');
  await inspector.decision.rewriteRemark('Frank (college)');
  await inspector.decision.send();
  const answer = await pending;
  expect(answer.json).toMatchObject({ actionCode: 0, nextCode: 0, remark: 'Frank (college)' });
});

test('Tencent list request: one target denied with 38001, the other allowed', async ({ engine, inspector, page }) => {
  // Tencent gives up at 2 s and a hold falls back before that: a person decides a Tencent request ahead (§2 v3).
  await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  await inspector.selectRow('id → id1, id2');
  const ahead = new DecideAhead(page);
  await ahead.open();
  await ahead.denyTarget('id2');
  await inspector.screenshot('05-tencent-per-target');
  await ahead.arm();
  await expect(ahead.armedNotice()).toBeVisible();
  await inspector.setHoldMode('before');
  const answer = await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  expect(answer.json.ResultItem).toEqual([
    expect.objectContaining({ To_Account: 'id1', ResultCode: 0 }),
    expect.objectContaining({ To_Account: 'id2', ResultCode: 38001 }),
  ]);
});

test('nobody decides: the countdown runs out and the fallback answer is sent in time', async ({
  engine,
  inspector,
}) => {
  await engine.api.patchSettings({ hold: { mode: 'before', openimTimeoutMs: 1500, marginMs: 300 } });
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'gina' });
  const row = inspector.row('gina →');
  // The hold lasts 1.2 s: check the live countdown while it runs, then let it expire.
  await expect(row).toContainText(/held \d\.\d s/);
  const answer = await pending;
  expect(answer.json).toMatchObject({ actionCode: 0, nextCode: 0 });
  await expect(row).toHaveAttribute('data-state', 'answered');
  await expect(row).toContainText('timeout');
  await inspector.selectRow('gina →');
  await expect(inspector.detailSection('Response sent')).toContainText('decided by timeout');
});
