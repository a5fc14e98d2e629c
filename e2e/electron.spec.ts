// Desktop smoke test: the real Electron app (`electron .`, as `npm start` runs it) with an isolated user-data folder
// and ports chosen by the OS. Runs wherever an Electron binary is installed; reported as skipped, with the reason,
// where it is not (e.g. CI with ELECTRON_SKIP_BINARY_DOWNLOAD=1).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';
import { DESKTOP_BRIDGE_KEY, type HealthResponse } from '../shared/contract/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What `require('electron')` points at; the package throws when its binary was never downloaded. */
function findElectron(): { path: string | null; reason: string } {
  try {
    const found: unknown = createRequire(import.meta.url)('electron');
    if (typeof found === 'string' && existsSync(found)) return { path: found, reason: '' };
    return { path: null, reason: `no executable at ${String(found)}` };
  } catch (error) {
    return { path: null, reason: error instanceof Error ? error.message : String(error) };
  }
}

const electronBinary = findElectron();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const skipReason =
  electronBinary.path === null
    ? `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): ${electronBinary.reason}`
    : noDisplay
      ? 'Electron needs a display: DISPLAY is not set (run the e2e tests under xvfb-run)'
      : null;
// The list reporter shows skips without their reason; say it once on the console too.
if (skipReason) console.warn(`[electron.spec] skipped: ${skipReason}`);
test.skip(skipReason !== null, skipReason ?? '');

interface Launched {
  app: ElectronApplication;
  page: Page;
  userData: string;
  health: HealthResponse;
  controlUrl: string;
  token: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function launch(listenerPort: number): Promise<Launched> {
  const userData = mkdtempSync(join(tmpdir(), 'ci-electron-e2e-'));
  cleanups.push(() => rmSync(userData, { recursive: true, force: true }));
  const app = await _electron.launch({
    executablePath: electronBinary.path ?? '',
    // Chromium's OS sandbox cannot start as root (containers); the app's own webPreferences.sandbox still applies.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
    cwd: ROOT,
    env: {
      ...process.env,
      CALLBACK_INSPECTOR_USER_DATA: userData,
      CALLBACK_INSPECTOR_PORT: String(listenerPort),
      CALLBACK_INSPECTOR_CONTROL_PORT: '0',
    },
  });
  let closed = false;
  app.on('close', () => {
    closed = true;
  });
  cleanups.push(async () => {
    if (!closed) await app.close();
  });
  const page = await app.firstWindow();
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  const bridge = await page.evaluate(
    // The bridge is not on the Window type: it is what this test checks.
    (key) => (window as unknown as Record<string, { controlUrl: string; token: string } | undefined>)[key],
    DESKTOP_BRIDGE_KEY,
  );
  if (!bridge) throw new Error('the preload exposed no DesktopBridge');
  const res = await fetch(`${bridge.controlUrl}/api/health`, { headers: { authorization: `Bearer ${bridge.token}` } });
  expect(res.status).toBe(200);
  const health: HealthResponse = await res.json();
  return { app, page, userData, health, controlUrl: bridge.controlUrl, token: bridge.token };
}

test('desktop app: hardened window, callback round trip, export, clean quit', async () => {
  const { app, page, userData, health, controlUrl, token } = await launch(0);
  const from = `desktop-e2e-${Date.now()}`;

  await test.step('the preload exposes exactly the DesktopBridge; the page has no Node', async () => {
    const shape = await page.evaluate((key) => {
      // Reading an unknown global by name: the shape is the assertion.
      const bridge = (window as unknown as Record<string, Record<string, unknown>>)[key] ?? {};
      return {
        keys: Object.keys(bridge).sort(),
        types: Object.fromEntries(Object.entries(bridge).map(([k, v]) => [k, typeof v])),
        node: ['require', 'process', 'module', 'Buffer'].filter((name) => name in globalThis),
      };
    }, DESKTOP_BRIDGE_KEY);
    expect(shape.keys).toEqual(['controlUrl', 'openFile', 'saveFile', 'token', 'version']);
    expect(shape.types).toMatchObject({ saveFile: 'function', openFile: 'function', version: 'string' });
    expect(shape.node).toEqual([]);
  });

  await test.step('the window runs under the shell CSP and opens no new windows', async () => {
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    const wsOrigin = controlUrl.replace(/^http/, 'ws');
    expect(csp).toContain(`connect-src ${controlUrl} ${wsOrigin}`);
    expect(await page.evaluate(() => window.open('file:///etc/hosts') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  await test.step('the UI still loads after a reload, without CSP violations', async () => {
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (msg.text().includes('Content Security Policy')) violations.push(msg.text());
    });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
    expect(violations).toEqual([]);
  });

  await test.step('a callback to the listener is answered and shows up as a row', async () => {
    expect(health.status.state).toBe('listening');
    const url = new URL('/callbackExample/callbackBeforeAddFriendCommand', health.listener.url);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        callbackCommand: 'callbackBeforeAddFriendCommand',
        fromUserID: from,
        toUserID: 'user456',
        reqMsg: 'hello from the desktop e2e test',
        ex: '',
      }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ actionCode: 0, errCode: 0 });
    const table = page.getByRole('table', { name: 'Captured callbacks' });
    await expect(table.getByRole('row').filter({ hasText: from })).toBeVisible();
  });

  await test.step('File → Export → JSON Session writes the session through the control API', async () => {
    const file = join(userData, 'export.json');
    await app.evaluate(({ dialog, Menu }, target) => {
      // The native dialog cannot be driven by a test: answer it with a fixed path.
      dialog.showSaveDialog = async () => ({ canceled: false, filePath: target });
      Menu.getApplicationMenu()?.getMenuItemById('export-json')?.click();
    }, file);
    await expect.poll(() => existsSync(file) && readFileSync(file, 'utf8').includes(from)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('callback-inspector-session');
  });

  await test.step('saveFile from the page goes through the guarded IPC to a native save', async () => {
    const file = join(userData, 'from-page.txt');
    await app.evaluate(({ dialog }, target) => {
      dialog.showSaveDialog = async () => ({ canceled: false, filePath: target });
    }, file);
    const saved = await page.evaluate(
      // Calling the bridge the way the renderer does.
      (key) =>
        (window as unknown as Record<string, { saveFile(n: string, c: string): Promise<boolean> }>)[key]?.saveFile(
          'note.txt',
          'saved by the page',
        ),
      DESKTOP_BRIDGE_KEY,
    );
    expect(saved).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('saved by the page');
  });

  await test.step('quitting stops the engine: capture log flushed, window state saved', async () => {
    await app.close();
    expect(readFileSync(join(userData, 'captures.ndjson'), 'utf8')).toContain(from);
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toMatchObject({
      width: expect.any(Number),
      height: expect.any(Number),
    });
    const after = await fetch(`${controlUrl}/api/health`, { headers: { authorization: `Bearer ${token}` } }).then(
      () => 'answered',
      () => 'refused',
    );
    expect(after).toBe('refused');
  });
});

test('a busy listener port is reported in the window, not a crash', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  const address = blocker.address();
  if (address === null || typeof address === 'string') throw new Error('no port');

  const { health, page } = await launch(address.port);
  expect(health.status.state).toBe('error');
  await expect(page.getByRole('status').filter({ hasText: /^error/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Port' }).fill('0');
  await page.getByRole('button', { name: 'Use port' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^listening$/ })).toBeVisible();
});
