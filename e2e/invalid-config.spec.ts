import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/inspector.js';

/** Issue 22 in the window: a rules file that did not validate at start is named in a banner, problem by problem. */
test('an invalid rule is left out alone and the banner names the file and the problem until dismissed', async ({
  engine,
  inspector,
  page,
}) => {
  await engine.stop();
  await inspector.expectDisconnected();
  const rule = (id: string, code: unknown) => ({
    id,
    name: id,
    action: { type: 'answer', decision: { verdict: 'deny', code } },
  });
  writeFileSync(join(engine.dataDir, 'rules.json'), JSON.stringify([rule('kept', 5001), rule('broken', 'x')]));
  await engine.start();
  await inspector.expectReady(30_000);
  const banner = page.getByRole('status', { name: 'Engine notices' });
  await expect(banner).toContainText('rules.json did not validate (1 problem)');
  await expect(banner).toContainText(/its original is kept as rules\.invalid-\d{8}T\d{6}Z\.json/);
  await expect(banner).toContainText('rule 2 "broken" left out');
  await inspector.screenshot('invalid-config-01-banner');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
});
