import { expect, test } from './fixtures/inspector.js';
import { InspectorPage } from './pages/inspector-page.js';
import { PlayDialogs } from './pages/play-dialogs.js';
import { SettingsDialog } from './pages/settings-dialog.js';

// Walkthrough at 1024×700: each dialog showed "Loading…" for a moment the first time it opened (its code is a
// separate chunk, fetched on first use). The chunks stay separate, and are fetched while the window is idle after
// its first render, so no dialog or side tab ever shows its loading line.
const CHUNKS = ['SetupHelpContent', 'SettingsPanel', 'SendForm', 'ReplayPanel', 'RulesPanel', 'FlowsView'];

test('dialog and tab chunks load when the window is idle; none shows "Loading…" on first open', async ({
  engine,
  page,
}) => {
  const fetched = new Set<string>();
  page.on('request', (request) => {
    const chunk = /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(new URL(request.url()).pathname)?.[1];
    if (chunk) fetched.add(chunk);
  });
  const inspector = new InspectorPage(page);
  await inspector.open(engine.uiUrl);
  // Nothing opened yet: every chunk comes anyway, once the window is idle.
  await expect.poll(() => CHUNKS.filter((c) => !fetched.has(c))).toEqual([]);

  // Every loading line that ever enters the page, however briefly.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { loadingSeen: string[] }).loadingSeen = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of Array.from(r.addedNodes)) {
          if (node.textContent?.includes('Loading')) seen.push(node.textContent);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const help = await inspector.openSetupHelp();
  await expect(help.getByText(/webhooks\.yml/).first()).toBeVisible();
  await inspector.closeSetupHelp();
  const settings = new SettingsDialog(page);
  await settings.open();
  await expect(settings.field('Safety margin (ms)')).toBeVisible();
  await page.keyboard.press('Escape');
  const play = new PlayDialogs(page);
  await play.openSendFromTopBar();
  await expect(play.backendUrl(play.sendDialog())).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(play.backendUrl(play.replayDialog())).toBeVisible();
  await page.keyboard.press('Escape');
  await inspector.rules.open();
  await expect(page.getByRole('button', { name: 'Add rule' })).toBeVisible();
  await page.getByRole('tab', { name: /^Flows/ }).click();
  await expect(page.getByText(/^No flows yet/)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { loadingSeen: string[] }).loadingSeen)).toEqual([]);
});
