import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';

test('a real OpenIM callback over HTTP appears as an answered row with its detail', async ({ engine, inspector }) => {
  await expect(inspector.emptyStateHeading()).toBeVisible();
  await inspector.screenshot('01-empty');

  const answer = await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
    fromUserID: 'alice',
    toUserID: 'bob',
    reqMsg: 'hello from the e2e test',
  });
  expect(answer.json).toMatchObject({ actionCode: 0, nextCode: 0 });

  const row = inspector.row('alice → bob');
  await expect(row).toHaveAttribute('data-state', 'answered');
  // The short label from the catalogue in the row; the wire name in its tooltip and in the detail pane.
  await expect(row).toContainText('Before add friend');
  await expect(row.getByTitle('callbackBeforeAddFriendCommand')).toBeVisible();
  await expect(row).toContainText('allow');

  await inspector.selectRow('alice → bob');
  await expect(inspector.detailHeading()).toContainText('callbackBeforeAddFriendCommand');
  await expect(inspector.detailSection('Request')).toContainText('hello from the e2e test');
  await expect(inspector.detailSection('Response sent')).toContainText('"nextCode": 0');
  await expect(inspector.detailSection('Predicted outcome')).toContainText('proceeds');
});

test('sample buttons and real callbacks of both dialects stream into the table', async ({
  engine,
  inspector,
  page,
}) => {
  await inspector.sendSample('Sns.CallbackPrevFriendAdd');
  await expect(inspector.row('Before friend add')).toHaveAttribute('data-state', 'answered');

  for (let i = 0; i < 6; i++) {
    await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
      fromUserID: `user${i}`,
      toUserID: 'bob',
    });
  }
  await postCallback(engine.listenerUrl, 'callbackBeforeSetFriendRemarkCommand', { remark: 'Best friend' });
  await postCallback(engine.listenerUrl, 'Sns.CallbackFriendDelete');
  await inspector.sendSample('callbackBeforeImportFriendsCommand');
  await expect(inspector.rows()).toHaveCount(10);
  await inspector.selectRow('Best friend');
  await inspector.screenshot('02-streaming');
  await page.emulateMedia({ colorScheme: 'dark' });
  await inspector.screenshot('02-streaming-dark');
});

test('follow newest keeps the latest callback in view; switched off, the view stays put', async ({
  engine,
  inspector,
  page,
}) => {
  const send = (from: string) =>
    postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: from, toUserID: 'bob' });
  // More rows than the table shows at once, in bursts (rows keep arriving while the view scrolls).
  for (let burst = 0; burst < 6; burst++) {
    await Promise.all(Array.from({ length: 10 }, (_, i) => send(`early${burst * 10 + i}`)));
  }
  await send('early60');
  await expect(page.getByText('61 captures')).toBeVisible();
  await expect(inspector.row('early60 → bob')).toBeInViewport();
  // Streaming alone never switches following off.
  await expect(inspector.followNewest()).toBeChecked();

  await inspector.followNewest().uncheck();
  for (let i = 0; i < 40; i++) await send(`late${i}`);
  await expect(page.getByText('101 captures')).toBeVisible();
  await expect(inspector.row('early60 → bob')).toBeInViewport();
  await expect(inspector.row('late39 → bob')).not.toBeInViewport();

  await inspector.followNewest().check();
  await expect(inspector.row('late39 → bob')).toBeInViewport();
});
