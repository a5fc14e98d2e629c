import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { CaptureTablePage } from './pages/capture-table.js';
import type { InspectorPage } from './pages/inspector-page.js';

const lateChecks = (inspector: InspectorPage) =>
  inspector
    .detailSection('Checks')
    .getByRole('listitem')
    .filter({ hasText: /gives up after/ });

// issue 23 / product.md §2 v3: a prediction that depends on lateness says why in the outcome sentence itself — not
// only in Checks or the latency column. A Tencent answer "allow · 1 denied" that leaves after Tencent's 2 s.
test('a late Tencent answer: the outcome sentence starts with why it does not count', async ({
  engine,
  inspector,
  page,
}) => {
  await engine.api.putRules([
    {
      id: 'late-deny',
      name: 'Deny id2, 2.3 s late',
      enabled: true,
      times: null,
      match: { dialect: 'tencent', command: 'Sns.CallbackPrevFriendAdd', where: [] },
      action: {
        type: 'answer',
        decision: { verdict: 'allow', targets: { id2: { verdict: 'deny' } }, delayMs: 2300 },
      },
    },
  ]);
  const answer = await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  // Over real HTTP the deny was sent — only too late for Tencent to read it.
  expect(answer.json.ResultItem).toEqual([
    expect.objectContaining({ To_Account: 'id1', ResultCode: 0 }),
    expect.objectContaining({ To_Account: 'id2', ResultCode: 38001 }),
  ]);
  const row = inspector.row('id → id1, id2');
  const table = new CaptureTablePage(page);
  await expect(table.cell(row, 'Answer')).toHaveText(/^allow · 1 denied/);
  await expect(table.cell(row, 'Outcome')).toHaveText('proceeds');
  // The cell's tooltip is the same sentence.
  await expect(table.cell(row, 'Outcome').locator('[title]')).toHaveAttribute(
    'title',
    /^The answer came after Tencent's 2 s timeout/,
  );
  await inspector.selectRow('id → id1, id2');
  await expect(inspector.detailSection('Predicted outcome')).toContainText(
    "proceeds — The answer came after Tencent's 2 s timeout, so Tencent never read it: it counts the callback as failed and, with the default fail-open policy, lets the friend request go ahead, whatever the answer said.",
  );
  // Checks say so too, instead of "No problems found" beside a sentence that says it came too late.
  await expect(lateChecks(inspector)).toHaveCount(1);
  await expect(lateChecks(inspector)).toContainText(/^errorThe answer took 2\d{3} ms; Tencent gives up after 2000 ms/);
  await inspector.screenshot('late-outcome');
  await page.emulateMedia({ colorScheme: 'dark' });
  await inspector.screenshot('late-outcome-dark');
});

test('an OpenIM answer after its timeout: Checks carry the lateness the outcome sentence gives', async ({
  engine,
  inspector,
}) => {
  await engine.api.patchSettings({ hold: { openimTimeoutMs: 1000 } });
  await engine.api.putRules([
    {
      id: 'late-allow',
      name: 'Allow, 1.3 s late',
      enabled: true,
      times: null,
      match: { dialect: 'openim', command: 'callbackBeforeAddFriendCommand', where: [] },
      action: { type: 'answer', decision: { verdict: 'allow', delayMs: 1300 } },
    },
  ]);
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'slowpoke' });
  await inspector.selectRow('slowpoke →');
  await expect(inspector.detailSection('Predicted outcome')).toContainText('after the 1 s timeout');
  await expect(lateChecks(inspector)).toHaveCount(1);
  await expect(lateChecks(inspector)).toContainText(/^errorThe answer took 1\d{3} ms; OpenIM gives up after 1000 ms/);
  await expect(inspector.detailSection('Checks')).not.toContainText('No problems found');
});

test('an answer in time has no lateness finding', async ({ engine, inspector }) => {
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'prompt' });
  await inspector.selectRow('prompt →');
  await expect(inspector.detailSection('Checks')).toContainText('No problems found');
});
