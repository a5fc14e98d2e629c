import { expect, test } from '@playwright/test';
import { type EngineProcess, freshDataDir, spawnEngine } from './fixtures/engine-process.js';
import { InspectorPage } from './pages/inspector-page.js';

test.use({ viewport: { width: 1440, height: 900 } });

// §4 "v2 token": without --token the engine keeps its token in the data dir, so Ctrl+C and a plain restart leave
// the open page working; --new-token makes the page say what to do instead of retrying forever.
test('the open page recovers after a plain restart; a rotated token is explained', async ({ page }) => {
  const data = freshDataDir();
  let engine: EngineProcess | null = null;
  try {
    engine = await spawnEngine({ token: null, dataDir: data.dir, controlPort: 0 });
    const controlPort = Number(new URL(engine.controlUrl).port);
    const inspector = new InspectorPage(page);
    await inspector.open(engine.uiUrl);
    // The token is read, then removed from the address (kept in sessionStorage for a reload).
    await expect(page).toHaveURL(`${engine.controlUrl}/`);
    await page.reload();
    await inspector.expectReady();

    await engine.stop();
    await inspector.expectDisconnected();
    engine = await spawnEngine({ token: null, dataDir: data.dir, controlPort });
    await inspector.expectReady(30_000);
    await expect(inspector.disconnectedBanner()).toBeHidden();
    await inspector.screenshot('token-01-recovered-after-restart');

    await engine.stop();
    engine = await spawnEngine({ token: null, dataDir: data.dir, controlPort, extraArgs: ['--new-token'] });
    const refused = page.getByRole('alert').filter({ hasText: "The engine refused this page's access token" });
    await expect(refused).toBeVisible({ timeout: 30_000 });
    await expect(refused).toContainText('UI: http://…/?token=…');
    await inspector.screenshot('token-02-token-refused');

    await inspector.open(engine.uiUrl);
    await expect(refused).toBeHidden();
  } finally {
    await engine?.stop();
    data.remove();
  }
});
