import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { AnswerFieldsBlock } from './pages/answer-fields.js';
import { SampleMenu } from './pages/sample-menu.js';

// issue 21 §3: a sample for every command in a searchable menu; the command's answer fields in the decision panel.
test.beforeEach(async ({ engine, page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await engine.api.patchSettings({ hold: { openimTimeoutMs: 15_000, tencentTimeoutMs: 15_000 } });
});

test('the sample menu filters by typing and sends a message sample', async ({ inspector }) => {
  const menu = new SampleMenu(inspector.page);
  await expect(inspector.emptyStateHeading()).toBeVisible();
  const all = await menu.sampleButtons().count();
  expect(all).toBeGreaterThan(40);
  await menu.filter().fill('single message');
  await expect(menu.sample('callbackBeforeSendSingleMsgCommand')).toBeVisible();
  await expect(menu.sample('callbackBeforeAddFriendCommand')).toHaveCount(0);
  expect(await menu.sampleButtons().count()).toBeLessThan(all);
  await inspector.screenshot('answer-fields-01-sample-menu');
  await menu.sample('callbackBeforeSendSingleMsgCommand').click();
  await expect(inspector.row('Before send 1:1 message')).toBeVisible();
});

test('Answer fields: rewriting message-modify content on a held request reaches the IM server', async ({
  engine,
  inspector,
}) => {
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeMsgModifyCommand', { sendID: 'modx' });
  const row = inspector.row('Before message modify');
  await expect(row).toHaveAttribute('data-state', 'held');
  await inspector.selectRow('Before message modify');
  const block = new AnswerFieldsBlock(inspector.page);
  await block.open();
  await block.field('content').fill('{"content":"kind words"}');
  await expect(inspector.decision.root().getByRole('button', { name: 'Send answer' })).toBeInViewport();
  await inspector.screenshot('answer-fields-02-message-modify');
  await inspector.decision.send();
  const answer = await pending;
  expect(answer.status).toBe(200);
  expect(answer.json).toMatchObject({ actionCode: 0, content: '{"content":"kind words"}' });
});

test('Answer fields: Tencent C2C MsgBody takes JSON and says where it is broken', async ({ engine, inspector }) => {
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'C2C.CallbackBeforeSendMsg', { From_Account: 'c2cx' });
  await expect(inspector.row('c2cx')).toHaveAttribute('data-state', 'held');
  await inspector.selectRow('c2cx');
  const block = new AnswerFieldsBlock(inspector.page);
  await block.open();
  const body = block.field('MsgBody');
  await body.fill('[{"MsgType":');
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await expect(block.root()).toContainText('MsgBody is not valid JSON');
  const msgBody = [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'rewritten' } }];
  await body.fill(JSON.stringify(msgBody));
  await expect(body).not.toHaveAttribute('aria-invalid', 'true');
  await inspector.decision.send();
  const answer = await pending;
  expect(answer.json).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, MsgBody: msgBody });
});
