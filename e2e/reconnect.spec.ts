import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';

test('engine restart: the window shows the loss, reconnects by itself and shows the history', async ({
  engine,
  inspector,
}) => {
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'liam' });
  await postCallback(engine.listenerUrl, 'callbackAfterDeleteFriendCommand', { ownerUserID: 'mia' });
  await expect(inspector.rows()).toHaveCount(2);

  await engine.stop();
  await inspector.expectDisconnected();
  await inspector.screenshot('07-disconnected');
  await engine.start();
  await inspector.expectReady(30_000);
  await expect(inspector.disconnectedBanner()).toBeHidden();
  await expect(inspector.rows()).toHaveCount(2);
  await expect(inspector.row('liam →')).toBeVisible();

  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'noah' });
  await expect(inspector.rows()).toHaveCount(3);
});
