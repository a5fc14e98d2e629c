import { mkdirSync, rmSync } from 'node:fs';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';

test('a data dir that cannot be written: the window says captures are not saved, then that they are again', async ({
  engine,
  inspector,
}) => {
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'olivia' });
  await expect(inspector.rows()).toHaveCount(1);
  await expect(inspector.persistenceBanner()).toBeHidden();

  // The data dir disappears under the running engine (unmounted disk, cleaned temp folder).
  rmSync(engine.dataDir, { recursive: true, force: true });
  const answer = await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'paul' });
  expect(answer.status).toBe(200);
  await expect(inspector.rows()).toHaveCount(2);
  await expect(inspector.persistenceBanner()).toBeVisible();
  await expect(inspector.persistenceBanner()).toContainText('1 waiting in memory');
  await inspector.screenshot('persistence-failing');

  mkdirSync(engine.dataDir, { recursive: true });
  await expect(inspector.persistenceBanner()).toBeHidden();
});
