import { readFile } from 'node:fs/promises';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';

test('a rule made from an answered row decides the next matching callback', async ({ engine, inspector }) => {
  await engine.api.patchSettings({ hold: { openimTimeoutMs: 15_000 } });
  await inspector.setHoldMode('before');
  const first = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'spammer' });
  await expect(inspector.row('spammer →')).toHaveAttribute('data-state', 'held');
  await inspector.selectRow('spammer →');
  await inspector.decision.deny();
  await inspector.decision.send();
  expect((await first).json).toMatchObject({ errCode: 5001 });
  await expect(inspector.row('spammer →')).toHaveAttribute('data-state', 'answered');

  await inspector.makeRuleFromSelected();
  await expect(inspector.rules.editor()).toBeVisible();
  await expect(inspector.rules.field('Value')).toHaveValue('spammer');
  await inspector.screenshot('06-rule-editor');
  await inspector.rules.save();
  await inspector.rules.expectRuleCount(1);
  await inspector.setHoldMode('off');

  const again = await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'spammer' });
  expect(again.json).toMatchObject({ actionCode: 0, nextCode: 1, errCode: 5001 });
  const other = await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'friendly' });
  expect(other.json).toMatchObject({ nextCode: 0 });
  await expect(inspector.rules.rule(/spammer/)).toContainText('1 hit');
});

test('the rule editor shows a problem at its field and keeps what was typed', async ({ inspector }) => {
  await inspector.rules.open();
  await inspector.rules.add();
  await inspector.rules.field('Rule id').fill('bad id with spaces');
  await inspector.rules.save();
  await expect(inspector.rules.field('Rule id')).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector.rules.field('Rule id')).toHaveAccessibleDescription(/letters, digits/);
  await expect(inspector.rules.problemSummary()).toContainText('1 problem');
  await expect(inspector.rules.field('Rule id')).toHaveValue('bad id with spaces');
});

test('text and state filters narrow the table', async ({ engine, inspector }) => {
  for (const user of ['hank', 'ivy', 'jack']) {
    await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: user });
  }
  await expect(inspector.rows()).toHaveCount(3);
  await inspector.filter('ivy');
  await expect(inspector.rows()).toHaveCount(1);
  await expect(inspector.rows()).toContainText(['ivy →']);
  await inspector.filter('');
  await inspector.filterState('held');
  await expect(inspector.rows()).toHaveCount(0);
  await inspector.filterState('answered');
  await expect(inspector.rows()).toHaveCount(3);
});

test('export downloads valid JSON, HAR and NDJSON files; import brings a session back', async ({
  engine,
  inspector,
}) => {
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'kate' });
  await postCallback(engine.listenerUrl, 'Sns.CallbackFriendDelete');
  await expect(inspector.rows()).toHaveCount(2);

  const json = await inspector.export('JSON');
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  const session = JSON.parse(await readFile(await json.path(), 'utf8'));
  expect(session.format).toBe('callback-inspector-session');
  expect(session.captures).toHaveLength(2);

  const har = JSON.parse(await readFile(await (await inspector.export('HAR')).path(), 'utf8'));
  expect(har.log.entries).toHaveLength(2);

  const ndjson = await readFile(await (await inspector.export('NDJSON')).path(), 'utf8');
  const lines = ndjson.split('\n').filter((l) => l.trim() !== '');
  expect(lines.map((l) => JSON.parse(l))).toHaveLength(2);

  await inspector.clear();
  await expect(inspector.emptyStateHeading()).toBeVisible();
  await inspector.importFile(await json.path());
  await expect(inspector.rows()).toHaveCount(2);
  await expect(inspector.notice(/Imported 2 captures/)).toBeVisible();
});

test('setup help shows webhooks.yml for this listener and the Tencent URL', async ({ engine, inspector }) => {
  const dialog = await inspector.openSetupHelp();
  await expect(dialog).toContainText(`url: ${engine.listenerUrl}/callbackExample`);
  await expect(dialog).toContainText('beforeAddFriend:');
  // Every OpenIM command's webhooks.yml key, from the catalogue (issue 21): messages, push, groups, conversations too.
  for (const key of ['beforeSendSingleMsg:', 'beforeMsgModify:', 'beforeOfflinePush:', 'beforeApplyJoinGroup:']) {
    await expect(dialog).toContainText(key);
  }
  await expect(dialog).toContainText(engine.listenerUrl);
  // Every Tencent console switch, from the catalogue (issue 21): folded until asked for.
  await dialog.getByText(/Callback switches to turn on/).click();
  await expect(dialog.getByText('Before a One-to-One Message Is Sent', { exact: true })).toBeVisible();
  await expect(dialog).toContainText('Group.CallbackBeforeCreateTopic');
  await inspector.closeSetupHelp();
  await expect(dialog).toBeHidden();
});
