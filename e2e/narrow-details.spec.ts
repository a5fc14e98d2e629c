import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { seriousViolations } from './pages/axe.js';
import { CaptureTablePage } from './pages/capture-table.js';
import { DecideAhead } from './pages/decide-ahead.js';

// Found in the second walkthrough at 1024×700 (issue 23): the details pane is narrow there (a third of the window),
// and what it shows must still read whole — the two clocks of a held request, the capture's heading, a rule's name.
test.use({ viewport: { width: 1024, height: 700 } });

test('a held request: both clocks inside the panel, and the buttons do not move as the seconds run', async ({
  engine,
  inspector,
  page,
}) => {
  await engine.api.patchSettings({ hold: { mode: 'before', openimTimeoutMs: 15_000 } });
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'clock' });
  await inspector.selectRow('clock →');
  const panel = inspector.decision.root();
  const clocks = panel.getByText(/gives up in/).locator('..');
  await expect(clocks).toContainText(/OpenIM gives up in\s+\d+\.\d s · fallback in\s+\d+\.\d s/);
  const inside = await clocks.evaluate((el) => {
    const box = el.closest('section')?.getBoundingClientRect();
    const text = document.createRange();
    text.selectNodeContents(el);
    const t = text.getBoundingClientRect();
    return !!box && t.left >= box.left && t.right <= box.right;
  });
  expect(inside, 'the clocks run past the panel').toBe(true);
  // Across the 10 s mark ("10.2 s" → "9.8 s") the clocks keep their width: Send answer stays where it was.
  const send = panel.getByRole('button', { name: 'Send answer' });
  const tops = new Set<number>();
  for (let i = 0; i < 8; i++) {
    tops.add(Math.round((await send.boundingBox())?.y ?? -1));
    await page.waitForTimeout(700);
  }
  expect([...tops]).toHaveLength(1);
  await inspector.screenshot('narrow-held');
  await inspector.decision.send();
  await pending;
});

test('the capture heading keeps the command name whole; a long rule name keeps the card width', async ({
  engine,
  inspector,
  page,
}) => {
  await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
  await inspector.selectRow('id → id1, id2');
  // One line: "#1 Sns.CallbackPrevFriendAdd" is not broken inside the name.
  const heading = inspector.detailHeading();
  await expect(heading).toHaveText('#1 Sns.CallbackPrevFriendAdd');
  const lines = await heading.evaluate(
    (el) =>
      el.getClientRects().length &&
      Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '20')),
  );
  expect(lines).toBe(1);

  const ahead = new DecideAhead(page);
  await ahead.open();
  await ahead.denyTarget('id2');
  await ahead.arm();
  // The armed state at 1024 px, light and dark: no serious or critical axe violation (the folded columns included).
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await inspector.rules.open();
  const card = inspector.rules.list().getByRole('listitem').first();
  await expect(card).toContainText('armed');
  const name = card.getByRole('checkbox').locator('..');
  const [nameWidth, cardWidth] = await Promise.all([
    name.evaluate((el) => el.getBoundingClientRect().width),
    card.evaluate((el) => el.getBoundingClientRect().width),
  ]);
  expect(nameWidth, 'the rule name is squeezed beside its badges').toBeGreaterThan(cardWidth * 0.7);
  await inspector.screenshot('narrow-rules');
});

test('the folded columns leave the keyboard order: ↓ from the # handle goes to Command', async ({
  engine,
  inspector,
  page,
}) => {
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'keys' });
  await expect(inspector.rows()).toHaveCount(1);
  const table = new CaptureTablePage(page);
  // Time and Dialect are folded away at 1024 px: their handles are not reachable.
  await expect(table.columnResizer('Time')).toBeHidden();
  await table.columnResizer('#').focus();
  await page.keyboard.press('ArrowDown');
  await expect(table.columnResizer('Command')).toBeFocused();
});
