import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { seriousViolations } from './pages/axe.js';
import { DecideAhead } from './pages/decide-ahead.js';
import { WindowLayout } from './pages/window-layout.js';

// Walkthrough: the "Armed: …" notice covered the bottom of the details pane for a few seconds. A notice takes a line of
// its own below the panes while it lasts: it covers no control, and nothing above it moves.
for (const size of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test(`${size.width}×${size.height}: the "Armed" notice covers nothing of the panes`, async ({
    engine,
    inspector,
    page,
  }) => {
    await page.setViewportSize(size);
    await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
    await inspector.selectRow('id → id1, id2');
    const ahead = new DecideAhead(page);
    await ahead.open();
    await ahead.denyTarget('id2');
    const layout = new WindowLayout(page);
    const rowTop = await layout.top(inspector.row('id → id1, id2'));
    const headingTop = await layout.top(inspector.detailHeading());
    await ahead.arm();
    const notice = inspector.notice(/^Armed: /).locator('.notice');
    await expect(notice).toBeVisible();
    expect(await layout.fullyVisible(notice), 'notice in the window').toBe(true);

    // Outside the panes, and nothing a person can use under any of its points.
    const covered = await notice.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const main = document.querySelector('main')?.getBoundingClientRect();
      const overlapsPanes =
        !!main && box.left < main.right && box.right > main.left && box.top < main.bottom && box.bottom > main.top;
      const controls = new Set<string>();
      for (let x = box.left + 2; x < box.right; x += 8) {
        for (let y = box.top + 2; y < box.bottom; y += 6) {
          for (const under of document.elementsFromPoint(x, y)) {
            if (el.contains(under) || under.contains(el)) continue;
            const control = under.closest('button, a, input, select, textarea, summary, [tabindex], [role="row"]');
            if (control) controls.add(`${control.tagName} ${control.textContent?.slice(0, 30) ?? ''}`);
          }
        }
      }
      return { overlapsPanes, controls: [...controls] };
    });
    expect(covered).toEqual({ overlapsPanes: false, controls: [] });
    // Nothing above it moved to make room.
    expect(await layout.top(inspector.row('id → id1, id2'))).toBe(rowTop);
    expect(await layout.top(inspector.detailHeading())).toBe(headingTop);
    // The armed line in the details keeps its Cancel button inside its box (it ran past the pane at 1024).
    const cancel = ahead.armedNotice().getByRole('button', { name: 'Cancel armed decision' });
    const inside = await cancel.evaluate((el) => {
      const b = el.getBoundingClientRect();
      const box = el.parentElement?.getBoundingClientRect();
      return !!box && b.left >= box.left && b.right <= box.right && b.bottom <= box.bottom;
    });
    expect(inside, 'Cancel armed decision inside the armed line').toBe(true);
    expect(await layout.fullyVisible(cancel)).toBe(true);
    await inspector.screenshot(`notice-${size.width}-armed`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await inspector.screenshot(`notice-${size.width}-armed-dark`);
    expect(await seriousViolations(page)).toEqual([]);
    // When it goes, the panes have their height back.
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
  });
}
