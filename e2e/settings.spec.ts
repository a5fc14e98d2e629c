import { createServer } from 'node:net';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { SettingsDialog } from './pages/settings-dialog.js';

// §6 v2 "Settings in the window": each field validated by the engine, its error shown at the field.
test('settings panel: engine errors at their fields, saved values apply (Tencent checks show in the row)', async ({
  engine,
  inspector,
  page,
}) => {
  const settings = new SettingsDialog(page);
  await settings.open();
  await expect(settings.field('Safety margin (ms)')).toHaveValue('300');
  await expect(settings.field('SdkAppID')).toHaveValue('');
  await settings.field('Safety margin (ms)').fill('-3');
  await settings.field('SdkAppID').fill('abc');
  await settings.save();
  const margin = settings.field('Safety margin (ms)');
  await expect(margin).toHaveAttribute('aria-invalid', 'true');
  await expect(margin).toHaveAccessibleDescription(/Safety margin must be a whole number of ms from 0 to 5000\./);
  await expect(settings.field('SdkAppID')).toHaveAccessibleDescription(/SdkAppID must be a whole number/);
  await expect(margin).toBeFocused();
  await inspector.screenshot('settings-01-field-errors');

  await margin.fill('200');
  await expect(margin).toHaveAttribute('aria-invalid', 'false');
  await settings.field('SdkAppID').fill('1400000001');
  await settings.field('Tencent token').fill('tok-secret');
  await settings.choice('Fallback').selectOption('no-response');
  await settings.save();
  await expect(settings.root()).toBeHidden();
  const saved = await engine.api.patchSettings({});
  expect(saved.hold).toMatchObject({ marginMs: 200, fallback: 'no-response' });
  expect(saved.tencent).toMatchObject({ sdkAppId: 1_400_000_001, token: 'tok-secret' });

  // A Tencent callback without Sign for another app: its row says so without opening it.
  await postCallback(engine.listenerUrl, 'Sns.CallbackFriendDelete');
  await expect(inspector.rows()).toHaveCount(1);
  await expect(inspector.rows().first()).toContainText(/SdkAppid wrong|Sign missing/);
  await inspector.screenshot('settings-02-row-check');

  // The listener cannot move to a taken port: said at the Port field; it keeps listening where it was.
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const taken = (blocker.address() as { port: number }).port; // a listening TCP server: AddressInfo
  try {
    await settings.open();
    await settings.field('Port').fill(String(taken));
    await settings.save();
    await expect(settings.field('Port')).toHaveAccessibleDescription(
      new RegExp(`Not moved: port ${taken} is in use by another program\\. It still listens at`),
    );
    await inspector.screenshot('settings-03-port-taken');
  } finally {
    blocker.close();
  }
});
