// A second desktop app on the same user-data folder (product.md §4 v3): it does not start an engine of its own (that
// one would share the data dir); it quits, and the first copy — told by Electron's `second-instance` — shows its
// window (main.test.ts checks that side).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fake } from './test-fake-electron.js';

vi.mock('electron', async () => (await import('./test-fake-electron.js')).fake.module);

const root = mkdtempSync(join(tmpdir(), 'ci-main-second-'));
const saved = { ...process.env };

afterAll(() => {
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

describe('main process, second copy', () => {
  it('quits at once without an engine or a window when another copy holds the single-instance lock', async () => {
    fake.app.setPath('appData', root);
    fake.app.singleInstanceLock = false;
    process.env.CALLBACK_INSPECTOR_USER_DATA = join(root, 'user-data');
    process.env.CALLBACK_INSPECTOR_PORT = '0';
    process.env.CALLBACK_INSPECTOR_CONTROL_PORT = '0';
    await import('./main.js');
    await fake.quitDone;
    expect(fake.app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.all).toEqual([]);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
    expect(existsSync(join(root, 'user-data', 'engine.lock'))).toBe(false);
  });
});
