import type { Rule } from '../shared/contract/index.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { CaptureTablePage } from './pages/capture-table.js';

type RuleInput = { id: string; match: Partial<Rule['match']>; action: Rule['action'] };
/** Rules with the editor's defaults filled in. */
const rules = (list: RuleInput[]): Rule[] =>
  list.map((r) => ({ name: r.id, enabled: true, times: null, ...r, match: { dialect: 'any', where: [], ...r.match } }));

test('at 1440 px: short command labels, and state, answer and outcome never cut', async ({
  engine,
  inspector,
  page,
}) => {
  const table = new CaptureTablePage(page);
  await engine.api.putRules(
    rules([
      {
        id: 'deny-spam',
        match: { dialect: 'openim', where: [{ path: 'fromUserID', op: 'equals', value: 'spammer' }] },
        action: { type: 'answer', decision: { verdict: 'deny', code: 5001, message: 'spam' } },
      },
      {
        id: 'deny-id2',
        match: { dialect: 'tencent', command: 'Sns.CallbackPrevFriendAdd' },
        action: { type: 'answer', decision: { verdict: 'allow', targets: { id2: { verdict: 'deny', code: 38001 } } } },
      },
      {
        id: 'string-codes',
        match: { where: [{ path: 'fromUserID', op: 'equals', value: 'broken' }] },
        action: { type: 'answer', decision: { verdict: 'allow', fault: { type: 'string-codes' } } },
      },
    ]),
  );
  await engine.api.patchSettings({ hold: { openimTimeoutMs: 1000, marginMs: 300 } });
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'spammer' });
  await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendAgreeCommand', { fromUserID: 'broken' });
  await postCallback(engine.listenerUrl, 'callbackBeforeSetFriendRemarkCommand', { remark: 'Old pal' });
  // One the fallback answers: "answered · timeout", the longest state.
  await engine.api.putRules(
    rules([
      {
        id: 'hold-late',
        match: { where: [{ path: 'fromUserID', op: 'equals', value: 'late' }] },
        action: { type: 'hold' },
      },
    ]),
  );
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'late' });

  await expect(inspector.rows()).toHaveCount(5);
  await expect(inspector.row('late →')).toContainText('answered · timeout');
  const spam = inspector.row('spammer →');
  await expect(table.cell(spam, 'Command')).toHaveText('Before add friend');
  await expect(table.cell(spam, 'Command').getByTitle('callbackBeforeAddFriendCommand')).toBeVisible();
  await expect(table.cell(spam, 'Answer')).toHaveText('deny 5001');
  await expect(table.cell(spam, 'Outcome')).toHaveText('blocked 5001');
  const tencent = inspector.row('id → id1, id2');
  await expect(table.cell(tencent, 'Command')).toHaveText('Before friend add');
  await expect(table.cell(tencent, 'Answer')).toHaveText('allow · 1 denied');
  await expect(table.cell(inspector.row('broken →'), 'Outcome')).toHaveText('fails 90007');

  for (const row of await inspector.rows().all()) {
    for (const column of ['State', 'Answer', 'Outcome', 'Time', 'Dialect', 'Latency'] as const) {
      const cell = table.cell(row, column);
      expect(await table.isTruncated(cell), `${column}: ${await cell.textContent()}`).toBe(false);
    }
  }
  await inspector.selectRow('id → id1, id2');
  await expect(inspector.detailHeading()).toContainText('Sns.CallbackPrevFriendAdd');
  await inspector.screenshot('20-table-1440');
});

test('a Tencent request with one target denied shows a distinct "partial" outcome, not a green "proceeds"', async ({
  engine,
  inspector,
  page,
}) => {
  const table = new CaptureTablePage(page);
  await engine.api.putRules(
    rules([
      {
        id: 'deny-id2',
        match: { dialect: 'tencent', command: 'Sns.CallbackPrevFriendAdd' },
        action: { type: 'answer', decision: { verdict: 'allow', targets: { id2: { verdict: 'deny', code: 38001 } } } },
      },
    ]),
  );
  await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  const outcome = table.cell(inspector.row('id → id1, id2'), 'Outcome');
  await expect(outcome).toHaveText('partial 1/2 blocked');
  expect(await table.isTruncated(outcome)).toBe(false);
  await inspector.selectRow('id → id1, id2');
  await expect(inspector.detailSection('Predicted outcome')).toContainText('partial');
  await expect(inspector.detailSection('Predicted outcome')).toContainText('id2: blocked 38001');
  await inspector.screenshot('23-partial-outcome');
});

test('columns and the detail pane resize by mouse and keyboard; widths survive a reload', async ({
  engine,
  inspector,
  page,
}) => {
  const table = new CaptureTablePage(page);
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'wide' });
  const row = inspector.row('wide →');
  const command = table.cell(row, 'Command');
  const before = await table.width(command);
  await table.drag(table.columnResizer('Command'), 80);
  await expect.poll(() => table.width(command)).toBeGreaterThan(before + 70);
  const dragged = await table.width(command);
  await table.columnResizer('Command').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => table.width(command)).toBeGreaterThan(dragged + 10);
  await expect(table.columnResizer('Command')).toHaveAttribute('aria-valuenow', /\d+/);

  const pane = table.detailsPane();
  const paneBefore = await table.width(pane);
  await table.drag(table.paneResizer(), -120);
  await expect.poll(() => table.width(pane)).toBeGreaterThan(paneBefore + 100);
  await table.paneResizer().focus();
  const paneDragged = await table.width(pane);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => table.width(pane)).toBeGreaterThan(paneDragged + 10);
  await inspector.screenshot('21-resized');

  const commandWidth = await table.width(command);
  const paneWidth = await table.width(pane);
  await page.reload();
  await inspector.expectReady();
  await expect.poll(() => table.width(table.cell(inspector.row('wide →'), 'Command'))).toBe(commandWidth);
  expect(await table.width(table.detailsPane())).toBe(paneWidth);
});

test('a filter that matches nothing says so and offers the way back', async ({ engine, inspector, page }) => {
  const table = new CaptureTablePage(page);
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'visible' });
  await expect(inspector.rows()).toHaveCount(1);
  await inspector.filter('no-such-user');
  await expect(table.noMatches()).toContainText(
    'No captures match the filter (text “no-such-user”); 1 capture hidden.',
  );
  await expect(inspector.rows()).toHaveCount(0);
  await inspector.screenshot('22-no-matches');
  await table.noMatches().getByRole('button', { name: 'Clear filter' }).click();
  await expect(inspector.rows()).toHaveCount(1);
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toHaveValue('');
});
