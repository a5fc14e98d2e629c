import type { Rule } from '../shared/contract/index.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { seriousViolations } from './pages/axe.js';
import { DecideAhead } from './pages/decide-ahead.js';
import { FlowsView } from './pages/flows-view.js';
import { SettingsDialog } from './pages/settings-dialog.js';

// axe-core in every main state, light and dark: no serious or critical violation (product.md §6 v2).
for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation in the main states (${scheme})`, async ({ engine, inspector, page }) => {
    // Eleven full-page axe runs: on a loaded 2-core machine they alone can take most of the default 60 s.
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    // Every state is checked before the test fails, so one run lists everything to fix.
    const found: { state: string; violations: unknown[] }[] = [];
    const check = async (state: string) => {
      const violations = await seriousViolations(page);
      if (violations.length > 0) found.push({ state, violations });
    };
    await expect(inspector.emptyStateHeading()).toBeVisible();
    await check('empty state');

    const rule: Rule = {
      id: 'deny-id2',
      name: 'Deny id2',
      enabled: false,
      times: null,
      match: { dialect: 'tencent', where: [] },
      action: { type: 'answer', decision: { verdict: 'allow', targets: { id2: { verdict: 'deny', code: 38001 } } } },
    };
    await engine.api.putRules([rule]);
    await engine.api.patchSettings({ hold: { openimTimeoutMs: 15_000, tencentTimeoutMs: 15_000 } });
    await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'axe1' });
    await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd');
    await postCallback(engine.listenerUrl, 'callbackBeforeSetFriendRemarkCommand', { remark: 'r' });
    await inspector.selectRow('axe1 →');
    await check('table and details (selected row)');

    const flows = new FlowsView(page);
    await flows.open();
    await flows.select(/axe1/);
    await expect(flows.timeline()).toBeVisible();
    await check('flows view with a timeline');
    await flows.showCaptures();

    // Decide ahead: the per-target panel of a Tencent request (its hold lasts less than 2 s), armed.
    const ahead = new DecideAhead(page);
    await inspector.selectRow('id → id1, id2');
    await ahead.open();
    await ahead.denyTarget('id2');
    await check('decide ahead (Tencent per-target)');
    await ahead.arm();
    await expect(ahead.armedNotice()).toBeVisible();
    await check('armed decision');

    await inspector.setHoldMode('before');
    const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'axe-held' });
    await inspector.selectRow('axe-held');
    await inspector.decision.expectVisible();
    await inspector.decision.deny();
    await inspector.decision.root().getByText('Error injection, faults and delay').click();
    await check('held decision panel');
    // A second held request: on a loaded machine the axe run above can outlast the first one's 15 s hold.
    const pending2 = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'axe-raw' });
    await inspector.selectRow('axe-raw');
    await inspector.decision.root().getByRole('button', { name: 'Edit the exact answer' }).click();
    await check('raw answer editor');

    await inspector.filter('nothing-matches-this');
    await check('filter that matches nothing');
    await inspector.filter('');

    await inspector.rules.open();
    await inspector.rules.add();
    await expect(inspector.rules.editor()).toBeVisible();
    await check('rule editor');

    await inspector.openSetupHelp();
    await check('setup help');
    await inspector.closeSetupHelp();

    const settings = new SettingsDialog(page);
    await settings.open();
    await check('settings');
    await page.keyboard.press('Escape');
    await expect(settings.root()).toBeHidden();

    await page.keyboard.press('?');
    await check('shortcut help');
    await page.keyboard.press('Escape');

    await inspector.clearButton().click();
    await check('clear confirmation');
    await page.keyboard.press('Escape');

    await inspector.decision.expectVisible().catch(() => undefined);
    await inspector.setHoldMode('off');
    await engine.api.patchSettings({ hold: { tencentTimeoutMs: 2000 } });
    await pending;
    await pending2;
    expect(found).toEqual([]);
  });
}
