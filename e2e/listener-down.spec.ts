import { createServer, type Server } from 'node:net';
import { expect, test } from '@playwright/test';
import { type EngineProcess, freshDataDir, freshToken, spawnEngine } from './fixtures/engine-process.js';
import { InspectorPage } from './pages/inspector-page.js';

test.use({ viewport: { width: 1440, height: 900 } });

async function takenPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return { server, port: address.port };
}

test('listener port taken: short error in the top bar, the empty state says how to fix it, Send sample says why it cannot', async ({
  page,
}) => {
  const data = freshDataDir();
  const blocker = await takenPort();
  let engine: EngineProcess | null = null;
  try {
    engine = await spawnEngine({
      token: freshToken(),
      dataDir: data.dir,
      controlPort: 0,
      extraArgs: ['--port', String(blocker.port)],
    });
    const inspector = new InspectorPage(page);
    await inspector.open(engine.uiUrl);
    const status = inspector.listenerStatus();
    await expect(status).toHaveText(`down: port ${blocker.port} is in use by another program`);
    // One line: the badge is no taller than the Copy button beside it.
    const badge = await status.boundingBox();
    const copy = await page.getByRole('banner').getByRole('button', { name: 'Copy', exact: true }).boundingBox();
    expect(badge && copy && badge.height <= copy.height).toBe(true);
    await expect(page.getByRole('heading', { name: 'The listener is down' })).toBeVisible();
    await expect(page.getByText(`port ${blocker.port} is in use by another program.`)).toBeVisible();
    await inspector.screenshot('listener-down-01-empty-state');

    await inspector.sendSample('callbackBeforeAddFriendCommand');
    await expect(inspector.notice('Sample not sent: The listener is not running')).toBeVisible();
    await inspector.screenshot('listener-down-02-send-sample-error');

    await page.getByRole('textbox', { name: 'Port' }).fill('0');
    await page.getByRole('button', { name: 'Use port' }).click();
    await expect(status).toHaveText('listening');
    await expect(inspector.emptyStateHeading()).toBeVisible();
    await inspector.sendSample('callbackBeforeAddFriendCommand');
    await expect(inspector.rows()).toHaveCount(1);
  } finally {
    await engine?.stop();
    blocker.server.close();
    data.remove();
  }
});
