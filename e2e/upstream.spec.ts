import { type FakeBackend, startFakeBackend } from '../electron/engine/testing/fake-backend.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { UpstreamPanel } from './pages/upstream-panel.js';

// The developer's own backend, started inside the test: it denies every friend request with 5002.
const DENY = '{"actionCode":0,"errCode":5002,"errMsg":"blocked by backend","errDlt":"","nextCode":1}';
let backend: FakeBackend;
test.beforeEach(async ({ engine }) => {
  backend = await startFakeBackend((req) =>
    req.url.endsWith('callbackBeforeSetFriendRemarkCommand')
      ? { body: '{"actionCode":0,"errCode":0,"nextCode":"0"}' }
      : { headers: { 'Content-Type': 'application/json', 'X-Backend': 'demo' }, body: DENY },
  );
  // Generous server timeouts: the person in these tests is a script on a slow 2-core machine.
  await engine.api.patchSettings({ hold: { openimTimeoutMs: 15_000, tencentTimeoutMs: 15_000 } });
});
test.afterEach(async () => backend.close());

test('hold + upstream: the backend proposal is edited in the window and the IM server gets the edit', async ({
  engine,
  inspector,
  page,
}) => {
  const upstream = new UpstreamPanel(page);
  await upstream.forwardTo(`${backend.url}/callback`);
  await expect(upstream.status()).toHaveText(/reachable|not tried yet/);
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
    fromUserID: 'hana',
    toUserID: 'ivan',
  });
  await expect(inspector.row('hana → ivan')).toHaveAttribute('data-state', 'held');
  await inspector.selectRow('hana → ivan');
  // The backend was asked at once; its answer is the proposal, checked and predicted.
  await expect(upstream.proposal()).toContainText('Your backend proposes');
  await expect(upstream.proposal()).toContainText('blocked 5002');
  await expect(upstream.proposal()).toContainText('"errCode": 5002');
  expect(backend.requests.map((r) => r.url)).toEqual(['/callback/callbackBeforeAddFriendCommand']);
  await expect(upstream.status()).toHaveText(/answering/);
  await inspector.screenshot('upstream-01-proposal');
  await page.emulateMedia({ colorScheme: 'dark' });
  await inspector.screenshot('upstream-01-proposal-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await upstream.seriousAxeViolations()).toEqual([]);

  await upstream.edit('{"actionCode":0,"errCode":5100,"errMsg":"edited in the inspector","errDlt":"","nextCode":1}');
  const answer = await pending;
  expect(answer.json).toEqual({
    actionCode: 0,
    errCode: 5100,
    errMsg: 'edited in the inspector',
    errDlt: '',
    nextCode: 1,
  });
  await expect(inspector.row('hana → ivan')).toHaveAttribute('data-state', 'answered');
  await expect(inspector.detailSection('Predicted outcome')).toContainText('blocked 5100');
  await expect(upstream.diff()).toContainText('- "errCode": 5002,');
  await expect(upstream.diff()).toContainText('+ "errCode": 5100,');
  await expect(upstream.latency()).toBeVisible();
  await upstream.section().scrollIntoViewIfNeeded();
  await inspector.screenshot('upstream-02-diff');
  expect(await upstream.seriousAxeViolations()).toEqual([]);
});

test('hold + upstream: Send as is relays the backend answer exactly', async ({ engine, inspector, page }) => {
  const upstream = new UpstreamPanel(page);
  await upstream.forwardTo(backend.url);
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'jo' });
  await inspector.selectRow('jo →');
  await expect(upstream.proposal()).toContainText('blocked 5002');
  await upstream.sendAsIs();
  const answer = await pending;
  expect(answer.bodyText).toBe(DENY);
  await expect(upstream.section()).toContainText('Sent to the IM server unchanged.');
});

test('hold + upstream: Replace answers with the structured decision instead', async ({ engine, inspector, page }) => {
  const upstream = new UpstreamPanel(page);
  await upstream.forwardTo(backend.url);
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'lea' });
  await inspector.selectRow('lea →');
  await expect(upstream.proposal()).toContainText('blocked 5002');
  await upstream.replace();
  await inspector.decision.allow();
  await inspector.decision.send();
  expect((await pending).json).toMatchObject({ actionCode: 0, errCode: 0, nextCode: 0 });
  await expect(inspector.detailSection('Predicted outcome')).toContainText('proceeds');
  await expect(upstream.diff()).toContainText('- "errCode": 5002,');
});

test('relay without hold: string codes from the backend are flagged and predicted to fail', async ({
  engine,
  inspector,
  page,
}) => {
  const upstream = new UpstreamPanel(page);
  // A URL the engine cannot use is refused with the reason at the field.
  const form = await upstream.submitUrl('localhost:8080/callback');
  await expect(form.getByRole('textbox', { name: 'Backend URL' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('must start with http:// or https://');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await upstream.forwardTo(backend.url);
  const answer = await postCallback(engine.listenerUrl, 'callbackBeforeSetFriendRemarkCommand', {
    ownerUserID: 'kai',
  });
  expect(answer.bodyText).toBe('{"actionCode":0,"errCode":0,"nextCode":"0"}');
  await inspector.selectRow('kai →');
  await expect(upstream.section()).toContainText('HTTP 200');
  await expect(upstream.checks()).toContainText('nextCode');
  await expect(upstream.section()).toContainText('fails 90007');
  await expect(inspector.detailSection('Response sent')).toContainText('decided by upstream');

  const help = await inspector.openSetupHelp();
  await expect(help.getByRole('list', { name: 'Callback path' })).toContainText(backend.url);
  await help.getByRole('region', { name: 'Upstream mode' }).scrollIntoViewIfNeeded();
  await inspector.screenshot('upstream-03-setup-path');
});
