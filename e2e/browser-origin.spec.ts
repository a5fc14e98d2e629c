import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures/inspector.js';

test("a web page's fetch to the listener is refused and shown as failed; Send sample and Resend still work", async ({
  engine,
  inspector,
  page,
}) => {
  // Some other web site, open in another tab of the same browser.
  const site = createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const other = await page.context().newPage();
  await other.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`); // listen() on TCP: AddressInfo
  // What any page can do: a no-cors text/plain POST to the listener (Chromium adds the page's Origin).
  await other.evaluate(async (url) => {
    await fetch(url, {
      method: 'POST',
      mode: 'no-cors',
      body: JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: 'mallory', toUserID: 'x' }),
    });
  }, `${engine.listenerUrl}/callbackExample/callbackBeforeAddFriendCommand`);
  await other.close();
  site.close();
  const refused = inspector.row('mallory →');
  await expect(refused).toHaveAttribute('data-state', 'failed');
  await inspector.selectRow('mallory →');
  await expect(inspector.detailSection('Response sent')).toContainText('browser-origin');

  // The window's own requests go through the control API, and the engine sends them without any Origin.
  await inspector.resendSelected();
  await expect(inspector.rows()).toHaveCount(2);
  await expect(inspector.row('mallory →').nth(1)).toHaveAttribute('data-state', 'answered');
  await inspector.sendSample('callbackBeforeAddFriendCommand');
  await expect(inspector.rows()).toHaveCount(3);
  await expect(inspector.rows().nth(2)).toHaveAttribute('data-state', 'answered');
});
