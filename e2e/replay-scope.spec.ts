import { join } from 'node:path';
import { type FakeBackend, startFakeBackend } from '../electron/engine/testing/fake-backend.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { PlayDialogs } from './pages/play-dialogs.js';

// issue 23 problems 2 and 3: window Replay after Export + Import of the same session, and only visible changes.
let backend: FakeBackend;
test.afterEach(async () => backend.close());

test('a session imported again is replayed from the table; nothing to replay is said, not "0 replayed"', async ({
  engine,
  inspector,
  page,
}, testInfo) => {
  // The backend allows and, for set-remark, answers without a remark (the default echoed it): not a visible change.
  backend = await startFakeBackend(() => ({
    body: { actionCode: 0, errCode: 0, errMsg: '', errDlt: '', nextCode: 0 },
  }));
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'alice', toUserID: 'bob' });
  await postCallback(engine.listenerUrl, 'callbackBeforeSetFriendRemarkCommand', { remark: 'Best friend' });
  await expect(inspector.rows()).toHaveCount(2);
  const file = join(testInfo.outputDir, 'session.json');
  await (await inspector.export('JSON')).saveAs(file);
  await inspector.importFile(file);
  await expect(inspector.notice('2 already present')).toBeVisible();

  const play = new PlayDialogs(page);
  await play.openReplay();
  await play.replayScoped(`${backend.url}/callback`, /^Imported captures/);
  await expect(play.replayDialog().getByRole('status').filter({ hasText: 'Nothing to replay' })).toBeVisible();
  expect(backend.requests).toHaveLength(0);

  await play.replayScoped(`${backend.url}/callback`, /^Every capture in the table \(2\)/);
  await expect(play.replaySummary()).toHaveText(
    /^2 replayed: \d same, \d answer changed, 0 outcome changed, 0 skipped/,
  );
  expect(backend.requests).toHaveLength(2);
  await inspector.screenshot('replay-scope-reimported');
});
