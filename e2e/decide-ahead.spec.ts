import { type FakeBackend, startFakeBackend } from '../electron/engine/testing/fake-backend.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { seriousViolations } from './pages/axe.js';
import { CaptureTablePage } from './pages/capture-table.js';
import { DecideAhead } from './pages/decide-ahead.js';
import { UpstreamPanel } from './pages/upstream-panel.js';
import { WindowLayout } from './pages/window-layout.js';

// issue 23 problem 1 / product.md §2 v3 "Decide ahead": Tencent waits 2 s, too short for a person.

test('a person arms a per-target deny; the next real Tencent callback gets it within Tencent’s 2 s', async ({
  engine,
  inspector,
  page,
}) => {
  // Tencent's own deadline, as the console has it: no time for a person to decide a held request.
  await engine.api.patchSettings({ hold: { mode: 'before', tencentTimeoutMs: 2000 } });
  await engine.api.putRules([
    {
      id: 'hold-nothing',
      name: 'Allow everyone (a rule the armed one must beat)',
      enabled: true,
      times: null,
      match: { dialect: 'tencent', command: 'Sns.CallbackPrevFriendAdd', where: [] },
      action: { type: 'answer', decision: { verdict: 'allow' } },
    },
  ]);
  // A first request, answered by the rule: the person decides ahead from it.
  const first = await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  expect(first.json.ResultItem).toEqual([
    expect.objectContaining({ To_Account: 'id1', ResultCode: 0 }),
    expect.objectContaining({ To_Account: 'id2', ResultCode: 0 }),
  ]);
  await inspector.selectRow('id → id1, id2');
  const ahead = new DecideAhead(page);
  await ahead.open();
  await ahead.denyTarget('id2');
  await ahead.arm();
  // Shown as armed in the panel and in the rules list, first in the order.
  await expect(ahead.armedNotice()).toContainText('Sns.CallbackPrevFriendAdd');
  await inspector.screenshot('ahead-01-armed');
  expect(await seriousViolations(page)).toEqual([]);
  await inspector.rules.open();
  await expect(inspector.rules.list().getByRole('listitem').first()).toContainText('armed');
  await expect(inspector.rules.list().getByRole('listitem').first()).toContainText('1 left');
  await page.emulateMedia({ colorScheme: 'dark' });
  await inspector.screenshot('ahead-02-armed-rules-dark');
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // The real callback, over HTTP, as Tencent sends it: answered at once with the armed decision.
  const second = await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  expect(second.json.ResultItem).toEqual([
    expect.objectContaining({ To_Account: 'id1', ResultCode: 0 }),
    expect.objectContaining({ To_Account: 'id2', ResultCode: 38001 }),
  ]);
  const table = new CaptureTablePage(page);
  const answered = inspector.rows().nth(1);
  await expect(table.cell(answered, 'State')).toHaveText('answered · armed');
  await expect(table.cell(answered, 'Answer')).toHaveText('allow · 1 denied');
  await expect(inspector.rules.list().getByRole('listitem').first()).toContainText('armed · used');
  // Used once: the next one is the rule's again.
  const third = await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  expect(third.json.ResultItem).toEqual([
    expect.objectContaining({ To_Account: 'id1', ResultCode: 0 }),
    expect.objectContaining({ To_Account: 'id2', ResultCode: 0 }),
  ]);
});

let backend: FakeBackend | null = null;
test.afterEach(async () => {
  await backend?.close();
  backend = null;
});

test('an armed decision wins over upstream forwarding, only for the same parties, and can be cancelled', async ({
  engine,
  inspector,
  page,
}) => {
  backend = await startFakeBackend(() => ({ body: '{"actionCode":0,"errCode":0,"nextCode":0}' }));
  await new UpstreamPanel(page).forwardTo(`${backend.url}/cb`);
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'ann', toUserID: 'ben' });
  expect(backend.requests).toHaveLength(1);
  await inspector.selectRow('ann → ben');
  const ahead = new DecideAhead(page);
  await ahead.open();
  await ahead.deny();
  await ahead.arm();
  await expect(ahead.armedNotice()).toBeVisible();

  // Other parties: still forwarded.
  const other = await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
    fromUserID: 'ann',
    toUserID: 'cid',
  });
  expect(other.json).toMatchObject({ nextCode: 0 });
  expect(backend.requests).toHaveLength(2);
  // The same parties: the armed deny, and the backend is not asked.
  const armed = await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
    fromUserID: 'ann',
    toUserID: 'ben',
  });
  expect(armed.json).toMatchObject({ actionCode: 0, nextCode: 1, errCode: 5001 });
  expect(backend.requests).toHaveLength(2);
  await expect(ahead.armedNotice()).toBeHidden();

  // Armed again, then cancelled: the next one is forwarded as usual.
  await ahead.open();
  await ahead.arm();
  await expect(ahead.armedNotice()).toBeVisible();
  await ahead.cancel();
  await expect(ahead.armedNotice()).toBeHidden();
  const after = await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
    fromUserID: 'ann',
    toUserID: 'ben',
  });
  expect(after.json).toMatchObject({ nextCode: 0 });
  expect(backend.requests).toHaveLength(3);
});

// Walkthrough at 1024×700: the "Answer fields (1)" block opened by itself and pushed "Per target" below the fold.
test('1024×700: Decide ahead for a Tencent list request shows Allow/Deny and Per target, answer fields folded', async ({
  engine,
  inspector,
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  await inspector.selectRow('id → id1, id2');
  const ahead = new DecideAhead(page);
  await ahead.open();
  const fields = ahead.root().locator('details.answer-fields');
  await expect(fields).toBeVisible();
  expect(await fields.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
  const layout = new WindowLayout(page);
  for (const name of ['Allow', 'Deny', 'Allow id1', 'Deny id1', 'Allow id2', 'Deny id2']) {
    const button = ahead.root().getByRole('button', { name, exact: true });
    expect(await layout.fullyVisible(button), `${name} in view`).toBe(true);
  }
  await inspector.screenshot('ahead-1024-per-target');
  await page.emulateMedia({ colorScheme: 'dark' });
  await inspector.screenshot('ahead-1024-per-target-dark');
  // Still one click away, and what it holds is intact.
  await fields.getByText(/^Answer fields/).click();
  await expect(fields.getByRole('checkbox', { name: /^Rewrite / })).toHaveCount(1);
});

test('a held Tencent list request: its answer fields start folded beside the per-target chips', async ({
  engine,
  inspector,
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await engine.api.patchSettings({ hold: { mode: 'before', tencentTimeoutMs: 15_000 } });
  const pending = postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  await expect(inspector.row('id → id1, id2')).toHaveAttribute('data-state', 'held');
  await inspector.selectRow('id → id1, id2');
  const fields = inspector.decision.root().locator('details.answer-fields');
  expect(await fields.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
  const layout = new WindowLayout(page);
  for (const name of ['Allow', 'Deny', 'Send answer', 'Deny id2']) {
    const button = inspector.decision.root().getByRole('button', { name, exact: true });
    expect(await layout.fullyVisible(button), `${name} in view`).toBe(true);
  }
  await inspector.screenshot('held-1024-per-target');
  // Tencent's 2 s: the fallback answers it.
  expect((await pending).status).toBe(200);
});
