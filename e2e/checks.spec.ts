import { expect, test } from './fixtures/inspector.js';

// Issue 14 item 9: one finding per problem, in words ("Missing field ex. ex" and a triple invalid-JSON report).
test('checks say each problem once, in words', async ({ engine, inspector }) => {
  const post = (body: string) =>
    fetch(new URL('/callbackExample/callbackBeforeAddFriendCommand', engine.listenerUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
  expect((await post('{"fromUserID": "broken",')).status).toBe(400);
  const noEx = { callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: 'noex', toUserID: 'b', reqMsg: '' };
  expect((await post(JSON.stringify(noEx))).status).toBe(200);
  await expect(inspector.rows()).toHaveCount(2);

  await inspector.selectRow('noex →');
  const checks = inspector.detailSection('Checks').getByRole('listitem');
  await expect(checks).toHaveCount(1);
  await expect(checks).toHaveText('warningMissing field ex.');

  await inspector.selectRow('not JSON');
  await expect(checks).toHaveCount(1);
  await expect(checks).toContainText('The body is not JSON');
  await expect(inspector.detailSection('Request')).not.toContainText('Expected');
  await inspector.screenshot('checks-01-invalid-json-once');
});
