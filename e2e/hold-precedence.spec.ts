import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';

// §2 v2: hold mode holds only what no answer rule matches; the mode is saved, and the window says it is on.
test('hold mode: an answer rule answers at once, others are held; the top bar states the saved mode', async ({
  engine,
  inspector,
  page,
}) => {
  await engine.api.patchSettings({ hold: { openimTimeoutMs: 15_000 } });
  await engine.api.putRules([
    {
      id: 'deny-spammer',
      name: 'Deny spammer',
      enabled: true,
      match: { dialect: 'any', where: [{ path: 'fromUserID', op: 'equals', value: 'spammer' }] },
      action: { type: 'answer', decision: { verdict: 'deny', code: 5002, message: 'spam' } },
      times: null,
    },
  ]);
  const holdNote = page.getByText('Holding before-callbacks no rule answers');
  await expect(holdNote).toBeHidden();
  await inspector.setHoldMode('before');
  await expect(holdNote).toBeVisible();

  const ruled = await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'spammer' });
  expect(ruled.json).toMatchObject({ nextCode: 1, errCode: 5002 });
  await expect(inspector.row('spammer →')).toHaveAttribute('data-state', 'answered');
  await expect(inspector.row('spammer →')).toContainText('deny 5002');

  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'olivia' });
  await expect(inspector.row('olivia →')).toHaveAttribute('data-state', 'held');
  await inspector.screenshot('hold-precedence-01-rule-answers-while-holding');
  await inspector.selectRow('olivia →');
  await inspector.decision.allow();
  await inspector.decision.send();
  expect((await pending).json).toMatchObject({ nextCode: 0 });

  // Saved: after a restart the mode is back, and the bar says so.
  await engine.restart();
  await inspector.expectReady(30_000);
  await expect(page.getByRole('combobox', { name: 'Hold' })).toHaveValue('before');
  await expect(holdNote).toBeVisible();
});
