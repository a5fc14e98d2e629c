import type { Rule } from '../shared/contract/index.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';

const rule = (id: string, name: string, from: string): Rule => ({
  id,
  name,
  enabled: true,
  times: null,
  match: { dialect: 'any', where: [{ path: 'fromUserID', op: 'equals', value: from }] },
  action: { type: 'answer', decision: { verdict: 'deny', code: 5001 } },
});

test('Clear asks first, naming the captures in memory and on disk; Cancel and Escape keep them', async ({
  engine,
  inspector,
  page,
}) => {
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'keep1' });
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'keep2' });
  await expect(inspector.rows()).toHaveCount(2);

  await inspector.clearButton().click();
  const dialog = inspector.clearDialog();
  await expect(dialog).toContainText("This deletes 2 captures from the engine's memory");
  await expect(dialog).toContainText('and from the capture log on disk');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await inspector.screenshot('40-clear-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(inspector.rows()).toHaveCount(2);

  await inspector.clearButton().click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(inspector.rows()).toHaveCount(2);

  await inspector.clear();
  await expect(inspector.emptyStateHeading()).toBeVisible();
});

test('a deleted rule comes back with Undo, at its place in the order', async ({ engine, inspector }) => {
  await engine.api.putRules([rule('first', 'First rule', 'a'), rule('second', 'Second rule', 'b')]);
  await inspector.rules.open();
  await inspector.rules.expectRuleCount(2);
  await inspector.rules.rule('First rule').getByRole('button', { name: 'Delete' }).click();
  await inspector.rules.expectRuleCount(1);
  const notice = inspector.notice('Deleted rule “First rule”');
  await expect(notice).toBeVisible();
  await inspector.screenshot('41-rule-deleted-undo');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await inspector.rules.expectRuleCount(2);
  await expect(inspector.rules.list().getByRole('listitem').first()).toContainText('First rule');
  expect((await engine.api.rules()).map((r) => r.id)).toEqual(['first', 'second']);
});

test('a long rule name wraps inside its card and the hit count stays visible', async ({ engine, inspector }) => {
  const long = `Deny every friend request from the load-test accounts ${'x'.repeat(80)} until the end of the sprint`;
  await engine.api.putRules([rule('long', long, 'loadtest')]);
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'loadtest' });
  await inspector.rules.open();
  const card = inspector.rules.rule('until the end of the sprint');
  const hits = card.getByText('1 hit');
  await expect(hits).toBeVisible();
  const cardBox = await card.boundingBox();
  const hitsBox = await hits.boundingBox();
  if (!cardBox || !hitsBox) throw new Error('rule card not laid out');
  expect(hitsBox.x + hitsBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
  expect(await card.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await inspector.screenshot('42-long-rule-name');
});

test('importing the same session again adds nothing and says so', async ({ engine, inspector }) => {
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'once' });
  await postCallback(engine.listenerUrl, 'Sns.CallbackFriendDelete');
  await expect(inspector.rows()).toHaveCount(2);
  const file = await (await inspector.export('JSON')).path();
  await inspector.clear();
  await inspector.importFile(file);
  await expect(inspector.notice(/Imported 2 captures/)).toBeVisible();
  await expect(inspector.rows()).toHaveCount(2);
  await inspector.importFile(file);
  await expect(inspector.notice(/Imported 0 captures from .* \(2 already present\)/)).toBeVisible();
  await inspector.importFile(file);
  await expect(inspector.rows()).toHaveCount(2);
});
