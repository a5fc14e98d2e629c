import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';

test('the page loads without a failed request (favicon included)', async ({ engine, page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  const favicon = page.waitForResponse((response) => new URL(response.url()).pathname === '/favicon.svg');
  await page.goto(engine.uiUrl);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  expect((await favicon).status()).toBe(200);
  expect(failed).toEqual([]);
});

test('decision panel: the Fault select shows its whole label; a delay past the server timeout is warned', async ({
  engine,
  inspector,
  page,
}) => {
  await engine.api.patchSettings({ hold: { mode: 'before', openimTimeoutMs: 15_000 } });
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'slow' });
  await inspector.selectRow('slow →');
  const panel = inspector.decision.root();
  await panel.getByText('Error injection, faults and delay').click();
  const delay = panel.getByRole('textbox', { name: 'Delay (ms)' });
  await delay.fill('2000');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await delay.fill('20000');
  await expect(panel.getByRole('alert')).toContainText(
    /A 20000 ms delay is longer than the IM server still waits \(\d+\.\d s of 15 s\)/,
  );

  const fault = panel.getByRole('combobox', { name: 'Fault' });
  await fault.selectOption('http-status');
  expect(await fault.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const box = await fault.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(250);
  await inspector.screenshot('50-delay-warning');
  await fault.selectOption('');
  await delay.fill('');
  await page.keyboard.press('Escape');
  await inspector.decision.send();
  expect((await pending).json).toMatchObject({ actionCode: 0 });
});
