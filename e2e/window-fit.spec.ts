import { type FakeBackend, startFakeBackend } from '../electron/engine/testing/fake-backend.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { CaptureTablePage } from './pages/capture-table.js';
import { PlayDialogs } from './pages/play-dialogs.js';
import { UpstreamPanel } from './pages/upstream-panel.js';
import { WindowLayout } from './pages/window-layout.js';

// issue 23 problems 4–10: the window at 1024×700 and 1440×900, in upstream mode with hold on (the busiest bar).
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
];
const ALLOW = '{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}';
let backend: FakeBackend;
test.beforeEach(async ({ engine }) => {
  // The backend answers 500 to "broken" and allows everything else.
  backend = await startFakeBackend((req) =>
    req.bodyText.includes('"broken"') ? { status: 500, body: 'oops' } : { body: ALLOW },
  );
  await engine.api.patchSettings({ hold: { openimTimeoutMs: 15_000 } });
});
test.afterEach(async () => backend.close());

for (const size of SIZES) {
  test(`${size.width}×${size.height}: filters usable, decision buttons in view, rows never move, menus inside`, async ({
    engine,
    inspector,
    page,
  }) => {
    await page.setViewportSize(size);
    const layout = new WindowLayout(page);
    await new UpstreamPanel(page).forwardTo(`${backend.url}/cb`);
    await inspector.setHoldMode('before');
    await postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: 'first' });
    const firstRow = inspector.row('first →');
    await expect(firstRow).toBeVisible();
    const before = await layout.top(firstRow);

    // Problem 4: the filter field is a usable width, not 18 px under the Command select.
    expect(await layout.width(layout.filterField())).toBeGreaterThan(150);

    // Problem 7: a held request does not move the rows (the held status has its own slot in the bar)…
    const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
      fromUserID: 'hana',
      toUserID: 'ivan',
    });
    await expect(inspector.row('hana → ivan')).toHaveAttribute('data-state', 'held');
    await expect(layout.heldStatusButton()).toBeVisible();
    expect(await layout.top(firstRow)).toBe(before);

    // Problem 4: the held request's decision buttons are in view without scrolling.
    await inspector.selectRow('hana → ivan');
    for (const name of ['Allow', 'Deny', 'Send answer']) {
      const button = inspector.decision.root().getByRole('button', { name, exact: true });
      await expect(button).toBeVisible();
      expect(await layout.fullyVisible(button), `${name} in view`).toBe(true);
    }
    await inspector.screenshot(`fit-${size.width}-held`);

    // Problem 6: the Export menu opens inside the window.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    for (const item of await layout.exportMenuItems().all()) expect(await layout.fullyVisible(item)).toBe(true);
    await inspector.screenshot(`fit-${size.width}-export-menu`);
    await page.keyboard.press('Escape');
    const sample = page.getByRole('button', { name: 'Send sample', exact: true });
    await sample.click();
    const firstSample = page.getByRole('button', { name: /callbackBeforeAddFriendCommand/ });
    expect(await layout.fullyVisible(firstSample)).toBe(true);
    await page.keyboard.press('Escape');

    // …nor does answering it.
    await inspector.decision.send();
    await pending;
    await expect(inspector.row('hana → ivan')).toHaveAttribute('data-state', 'answered');
    await expect(layout.heldStatusButton()).toBeHidden();
    expect(await layout.top(firstRow)).toBe(before);
    await page.emulateMedia({ colorScheme: 'dark' });
    await inspector.screenshot(`fit-${size.width}-answered-dark`);
  });
}

test('a new held row stays in view with Follow newest on at 1024×700', async ({ engine, inspector, page }) => {
  await page.setViewportSize(SIZES[0] ?? { width: 1024, height: 700 });
  for (let i = 0; i < 30; i++)
    await postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: `u${i}` });
  await expect(inspector.rows().last()).toContainText('u29');
  await expect(inspector.followNewest()).toBeChecked();
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'late' });
  const row = inspector.row('late →');
  await expect(row).toHaveAttribute('data-state', 'held');
  await expect.poll(() => new WindowLayout(page).verticallyVisible(row)).toBe(true);
  await inspector.screenshot('fit-1024-follow-newest');
  await inspector.selectRow('late →');
  await inspector.decision.allow();
  await inspector.decision.send();
  await pending;
});

test('problem 5: after the held-status button, D then Enter deny the held request', async ({
  engine,
  inspector,
  page,
}) => {
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'click' });
  await expect(inspector.row('click →')).toHaveAttribute('data-state', 'held');
  await new WindowLayout(page).heldStatusButton().click();
  await expect(inspector.detailHeading()).toContainText('callbackBeforeAddFriendCommand');
  await page.keyboard.press('d');
  await expect(inspector.decision.code()).toHaveValue('5001');
  await page.keyboard.press('Enter');
  expect((await pending).json).toMatchObject({ nextCode: 1, errCode: 5001 });
});

test('problem 8: the Answer column starts with the HTTP status in upstream mode', async ({
  engine,
  inspector,
  page,
}) => {
  const table = new CaptureTablePage(page);
  await new UpstreamPanel(page).forwardTo(`${backend.url}/cb`);
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'fine' });
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'broken' });
  await expect(table.cell(inspector.row('fine →'), 'Answer')).toHaveText(/^HTTP 200/);
  await expect(table.cell(inspector.row('broken →'), 'Answer')).toHaveText(/^HTTP 500/);
});

test('problems 9 and 10: a sent capture — cURL to the backend, its answer shown once, URLs prefilled from upstream', async ({
  engine,
  inspector,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await new UpstreamPanel(page).forwardTo(`${backend.url}/cb`);
  const play = new PlayDialogs(page);
  // Problem 10: Send starts from the upstream backend, not a made-up :8080.
  await play.openSendFromTopBar();
  await expect(play.backendUrl(play.sendDialog())).toHaveValue(`${backend.url}/cb`);
  await play.send();
  await expect(play.sendDialog()).toBeHidden();
  await expect(inspector.detailHeading()).toContainText('callbackBeforeAddFriendCommand');
  // Problem 10: the backend's answer once, not twice.
  await expect(page.getByRole('region', { name: /Backend answer|Upstream/ })).toHaveCount(1);
  // Problem 9: the cURL line goes to the backend the callback was sent to.
  const curl = await inspector.copyAsCurl();
  expect(curl).toContain(`'${backend.url}/cb/callbackBeforeAddFriendCommand'`);
  expect(curl).not.toContain(engine.listenerUrl);
});

test('problem 10: Tab crosses one column handle, not ten; H with nothing held says so', async ({
  engine,
  inspector,
  page,
}) => {
  await postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: 'tab' });
  await expect(inspector.rows()).toHaveCount(1);
  const layout = new WindowLayout(page);
  await expect(layout.tabbableResizers()).toHaveCount(1);
  // ↓ moves along the handles, and the one focused last is the Tab stop.
  await new CaptureTablePage(page).columnResizer('#').focus();
  await page.keyboard.press('ArrowDown');
  await expect(new CaptureTablePage(page).columnResizer('Time')).toBeFocused();
  await expect(layout.tabbableResizers()).toHaveCount(1);

  await page.locator('body').focus();
  await page.keyboard.press('h');
  await expect(inspector.notice('No request is held')).toBeVisible();
});
