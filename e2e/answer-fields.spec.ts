import { sampleCommands } from '../shared/protocol/catalogue.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { AnswerFieldsBlock } from './pages/answer-fields.js';
import { seriousViolations } from './pages/axe.js';
import { PlayDialogs } from './pages/play-dialogs.js';
import { SampleMenu } from './pages/sample-menu.js';

/** Every command of both servers that has a sample: what the empty state, the top bar and the Send dialog offer. */
const EVERY_SAMPLE = sampleCommands();

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

test('the empty state and the Send dialog offer the same sample for every command, grouped by family', async ({
  inspector,
  page,
}) => {
  const menu = new SampleMenu(page);
  await expect(inspector.emptyStateHeading()).toBeVisible();
  await expect(menu.sampleButtons()).toHaveCount(EVERY_SAMPLE.length);
  expect(EVERY_SAMPLE.filter((c) => c.dialect === 'openim').length).toBeGreaterThanOrEqual(52);
  expect(EVERY_SAMPLE.filter((c) => c.dialect === 'tencent').length).toBeGreaterThanOrEqual(30);
  // axe with the menu narrowed by a filter (no serious or critical violation).
  await menu.filter().fill('group');
  expect(await seriousViolations(page)).toEqual([]);
  await menu.filter().fill('');

  const play = new PlayDialogs(page);
  await play.openSendFromTopBar();
  await expect(play.command()).toHaveValue('callbackBeforeAddFriendCommand');
  await play.sampleChooser().click();
  const dialogMenu = play.sendDialog().locator('.sample-menu');
  await expect(dialogMenu.getByRole('button')).toHaveCount(EVERY_SAMPLE.length);
  for (const command of EVERY_SAMPLE) {
    await expect(
      dialogMenu.getByRole('button', { name: new RegExp(`${command.name.replace(/\./g, '\\.')}$`) }),
    ).toHaveCount(1);
  }
  for (const family of ['Relationship', 'Message', 'Push', 'User', 'Group', 'Conversation', 'Status', 'Profile']) {
    await expect(dialogMenu.getByRole('heading', { name: family, exact: true }).first()).toBeVisible();
  }
  // The chosen command is marked in the list.
  await expect(dialogMenu.locator('[aria-current="true"]')).toContainText('callbackBeforeAddFriendCommand');
  await page.setViewportSize({ width: 1024, height: 700 });
  await inspector.screenshot('answer-fields-03-send-sample-menu');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Send dialog sample menu works from the keyboard', async ({ inspector, page }) => {
  await expect(inspector.emptyStateHeading()).toBeVisible();
  const play = new PlayDialogs(page);
  await play.openSendFromTopBar();
  await play.sampleChooser().focus();
  await page.keyboard.press('Enter');
  const filter = play.sendDialog().getByRole('searchbox', { name: 'Filter samples' });
  await expect(filter).toBeFocused();
  // Type, ↓ to the samples, ↓ to the second, Enter takes it; the list closes and the focus goes back.
  await page.keyboard.type('c2c send');
  await page.keyboard.press('ArrowDown');
  await expect(play.sendDialog().getByRole('button', { name: /C2C\.CallbackBeforeSendMsg$/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(play.sendDialog().getByRole('button', { name: /C2C\.CallbackAfterSendMsg$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(play.command()).toHaveValue('C2C.CallbackAfterSendMsg');
  await expect(play.body()).toHaveValue(/"SendMsgResult"/);
  await expect(play.profile()).toHaveValue('fail-open');
  await expect(play.sampleChooser()).toBeFocused();
  await expect(play.sampleChooser()).toHaveAttribute('aria-expanded', 'false');
  // Enter in the filter takes the first match (and does not submit the form); Escape closes only the list.
  await page.keyboard.press('Enter');
  await page.keyboard.type('group member quit');
  await page.keyboard.press('Enter');
  await expect(play.command()).toHaveValue('callbackAfterQuitGroupCommand');
  await expect(play.body()).toHaveValue(/"groupID"/);
  await page.keyboard.press('Enter');
  await expect(filter).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(filter).toBeHidden();
  await expect(play.sendDialog()).toBeVisible();
  await expect(play.sampleChooser()).toBeFocused();
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
  // The content starts as the request's own; it is not sent until asked for (it once seeded the remark instead).
  await expect(block.field('content')).toHaveValue(/"content"/);
  await expect(block.rewrite('content')).not.toBeChecked();
  await block.field('content').fill('{"content":"kind words"}');
  await expect(block.rewrite('content')).toBeChecked();
  await expect(block.summary()).toContainText('1 set');
  await expect(inspector.decision.root().getByRole('button', { name: 'Allow', exact: true })).toBeInViewport();
  await expect(inspector.decision.root().getByRole('button', { name: 'Deny', exact: true })).toBeInViewport();
  await expect(inspector.decision.root().getByRole('button', { name: 'Send answer' })).toBeInViewport();
  await inspector.screenshot('answer-fields-02-message-modify');
  // axe over the expanded block (every field of message modify, one of them asked for).
  expect(await seriousViolations(inspector.page)).toEqual([]);
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
