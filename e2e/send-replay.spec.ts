import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type FakeBackend, startFakeBackend } from '../electron/engine/testing/fake-backend.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { PlayDialogs } from './pages/play-dialogs.js';

const ALLOW = { actionCode: 0, errCode: 0, errMsg: '', errDlt: '', nextCode: 0 };

/** axe-core finds no serious or critical violation inside the open dialog. */
async function expectAccessible(page: Page, dialog: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include(`dialog[aria-label="${dialog}"]`).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) => `${v.id}: ${v.help} ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`,
    ),
  ).toEqual([]);
}

let backend: FakeBackend | null = null;
test.afterEach(async () => {
  await backend?.close();
  backend = null;
});

test('Send to backend from a capture: the exchange opens as a capture with the answer and outcome', async ({
  engine,
  inspector,
  page,
}) => {
  backend = await startFakeBackend((req) => ({
    body: req.bodyText.includes('mallory') ? { ...ALLOW, errCode: 5002, errMsg: 'spammer', nextCode: 1 } : ALLOW,
  }));
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'alice', toUserID: 'bob' });
  await inspector.selectRow('alice → bob');

  const play = new PlayDialogs(page);
  await play.openSendFromDetail();
  await expect(play.command()).toHaveValue('callbackBeforeAddFriendCommand');
  await expect(play.body()).toHaveValue(/"fromUserID": "alice"/);
  await play.backendUrl(play.sendDialog()).fill(`${backend.url}/callback`);
  await play
    .body()
    .fill(
      JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: 'mallory', toUserID: 'bob' }),
    );
  await inspector.screenshot('20-send-to-backend');
  await expectAccessible(page, 'Send to backend');
  await play.send();

  await expect(play.sendDialog()).toBeHidden();
  await expect(inspector.row('mallory → bob')).toHaveAttribute('data-state', 'answered');
  await expect(inspector.detailHeading()).toContainText('callbackBeforeAddFriendCommand');
  const answer = page.getByRole('region', { name: 'Backend answer' });
  await expect(answer).toContainText(`${backend.url}/callback/callbackBeforeAddFriendCommand`);
  await expect(answer).toContainText('"errMsg": "spammer"');
  await expect(inspector.detailSection('Predicted outcome')).toContainText('blocked 5002');
  expect(backend.requests[0]?.sentHeaders.Operationid).toBeTruthy();
  await inspector.screenshot('21-sent-capture');

  // The URL is remembered; a sample can be the starting point too, with a Tencent profile.
  await play.openSendFromTopBar();
  await expect(play.backendUrl(play.sendDialog())).toHaveValue(`${backend.url}/callback`);
  await play.chooseSample('Sns.CallbackFriendAdd');
  await expect(play.command()).toHaveValue('Sns.CallbackFriendAdd');
  await expect(play.body()).toHaveValue(/"PairList"/);
  await expect(play.profile()).toHaveValue('fail-open');
  await play.sendDialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(play.sendDialog()).toBeHidden();
});

test('Send to backend shows the error for an unreachable backend and for a body that is not JSON', async ({
  inspector,
  page,
}) => {
  const play = new PlayDialogs(page);
  await play.openSendFromTopBar();
  await play.backendUrl(play.sendDialog()).fill('http://127.0.0.1:9/cb');
  await play.body().fill('{nope');
  await play.send();
  await expect(play.sendDialog().getByRole('alert')).toContainText('The body is not valid JSON');
  await play.body().fill('{}');
  await play.send();
  // A refused connection is not an input error: the exchange is stored, failed, with a 90004 prediction.
  await expect(play.sendDialog()).toBeHidden();
  await expect(page.getByRole('region', { name: 'Backend answer' })).toContainText('connection refused');
  await expect(inspector.detailSection('Predicted outcome')).toContainText('fails 90004');
  // One honest message (issue 23): the answer says "connection refused" once, the outcome names the same cause, and
  // nothing says "(close)" — the backend never accepted the connection.
  await expect(page.getByRole('region', { name: 'Backend answer' })).toHaveText(
    /^[\s\S]*connection refused(?![\s\S]*refused)/,
  );
  await expect(inspector.detailSection('Predicted outcome')).toContainText('no answer came back: connection refused');
  await expect(page.getByRole('tabpanel')).not.toContainText('(close)');
});

test('Replay an imported session: changed outcomes listed, recorded and new answer compared', async ({
  engine,
  inspector,
  page,
}, testInfo) => {
  await engine.api.putRules([
    {
      id: 'deny-remarks',
      name: 'deny remarks',
      enabled: true,
      match: { dialect: 'any', command: '*Remark*', where: [] },
      action: { type: 'answer', decision: { verdict: 'deny', code: 5003, message: 'no remarks' } },
      times: null,
    },
  ]);
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'alice', toUserID: 'bob' });
  await postCallback(engine.listenerUrl, 'callbackBeforeSetFriendRemarkCommand', { remark: 'Best friend' });
  await expect(inspector.rows()).toHaveCount(2);
  const download = await inspector.export('HAR');
  const file = join(testInfo.outputDir, 'session.har');
  await download.saveAs(file);
  // Captures already stored are duplicates on import: clear first, then the session comes back as imported rows.
  await inspector.clear();
  await expect(inspector.rows()).toHaveCount(0);
  await inspector.importFile(file);
  await expect(inspector.rows()).toHaveCount(2);

  backend = await startFakeBackend(() => ({ body: ALLOW }));
  const play = new PlayDialogs(page);
  await play.openReplay();
  await play.replay(`${backend.url}/callback`);
  await expect(play.replaySummary()).toHaveText('2 replayed: 1 same, 0 answer changed, 1 outcome changed, 0 skipped');
  await expect(play.changedItems()).toHaveCount(1);
  await expect(play.changedItems().first()).toContainText('outcome changed: blocked 5003 → proceeds');
  await expect(play.diff()).toContainText('Recorded outcome');
  await expect(play.diff()).toContainText('blocked 5003');
  await expect(play.diff()).toContainText('- "errCode": 5003,');
  await expect(play.diff()).toContainText('+ "errCode": 0,');
  await inspector.screenshot('22-replay-results');
  await expectAccessible(page, 'Replay session');
  expect(backend.requests.map((r) => r.url).sort()).toEqual([
    '/callback/callbackBeforeAddFriendCommand',
    '/callback/callbackBeforeSetFriendRemarkCommand',
  ]);
});
