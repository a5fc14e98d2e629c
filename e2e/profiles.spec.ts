import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleSchema } from '../shared/contract/index.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';

/** Issue 12 in the window: the four OpenIM profiles, the migration notice, Setup help, partial outcomes. */

test('a stored v3.4.2-v3.6 profile becomes v3.4.2-v3.5 with a notice; the picker offers the four profiles', async ({
  engine,
  inspector,
  page,
}) => {
  const picker = page.getByLabel('OpenIM server');
  await expect(picker.locator('option')).toHaveText(['v3.7+', 'v3.6', 'v3.4.2–v3.5', 'v3.0–v3.4.0']);
  await engine.stop();
  await inspector.expectDisconnected();
  writeFileSync(join(engine.dataDir, 'settings.json'), JSON.stringify({ profiles: { openim: 'v3.4.2-v3.6' } }));
  await engine.start();
  await inspector.expectReady(30_000);
  await expect(inspector.notice(/"v3\.4\.2-v3\.6" no longer exists.*"v3\.4\.2-v3\.5"/)).toBeVisible();
  await expect(picker).toHaveValue('v3.4.2-v3.5');
  await inspector.screenshot('profiles-01-migrated');
});

test('Setup help says which profile fits and prints the config of the chosen one', async ({
  engine,
  inspector,
  page,
}) => {
  await page.getByLabel('OpenIM server').selectOption('v3.6');
  const dialog = await inspector.openSetupHelp();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'v3.6.x' })).toContainText('selected');
  await expect(dialog).toContainText('v3.0.0 to v3.4.0');
  await expect(dialog).toContainText(`callback:\n  url: ${engine.listenerUrl}/callbackExample`);
  await expect(dialog).toContainText('callbackBeforeSetFriendRemark:');
  // v3.6's own config.yaml keys for the other families (pkg/common/config/config.go @ v3.6.0).
  await expect(dialog).toContainText('msgModify:');
  await expect(dialog).toContainText('transferGroupOwner:');
  await inspector.screenshot('profiles-02-setup-help');
  await inspector.closeSetupHelp();
});

test('a Tencent answer that blocks some targets shows as partial in the table and the details', async ({
  engine,
  inspector,
}) => {
  await engine.api.putRules([
    RuleSchema.parse({
      id: 'deny-id2',
      match: { dialect: 'tencent', command: 'Sns.CallbackPrevFriendAdd' },
      action: { type: 'answer', decision: { verdict: 'allow', targets: { id2: { verdict: 'deny', code: 38002 } } } },
    }),
  ]);
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'olivia', toUserID: 'pete' });
  const answer = await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd', { From_Account: 'quinn' });
  expect(answer.json).toMatchObject({ ResultItem: [{ ResultCode: 0 }, { ResultCode: 38002 }] });
  const row = inspector.row('quinn');
  await expect(row).toContainText('partial 1/2');
  await inspector.selectRow('quinn');
  const outcome = inspector.detailSection('Predicted outcome');
  await expect(outcome).toContainText('partial');
  await expect(outcome).toContainText('id2: blocked 38002');
  await inspector.screenshot('profiles-03-partial');
});
