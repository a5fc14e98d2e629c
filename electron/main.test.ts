// Runs the real main.ts with a real engine (ports 0, temp user-data folder) against a recording stand-in for
// Electron's API, and drives it the way Electron would: IPC from trusted and foreign frames, responses through the
// CSP hook, navigation, permission prompts, the menu, a callback, and quitting.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uiContentSecurityPolicy } from '../shared/contract/index.js';
import { IPC } from './ipc-channels.js';
import { type FakeBrowserWindow, FakeNotification, fake, fakeEvent } from './test-fake-electron.js';

vi.mock('electron', async () => (await import('./test-fake-electron.js')).fake.module);

const root = mkdtempSync(join(tmpdir(), 'ci-main-test-'));
const userData = join(root, 'user-data');
const documents = join(root, 'documents');
let win: FakeBrowserWindow;
let origin = '';
let token = '';
const saved = { ...process.env };

/** What the preload's synchronous config request answers for this sender (the page's only way to the token). */
function configFor(event: object): { token: string } | null {
  const handler = fake.handlers.ipcOn.get(IPC.config);
  if (!handler) throw new Error('no config handler');
  const e = { ...event, returnValue: undefined as unknown }; // set by the handler
  handler(e);
  return e.returnValue as { token: string } | null; // DesktopConfig or null, checked by the tests
}

beforeAll(async () => {
  mkdirSync(documents);
  fake.app.setPath('appData', root);
  fake.app.setPath('documents', documents);
  process.env.CALLBACK_INSPECTOR_USER_DATA = userData;
  process.env.CALLBACK_INSPECTOR_PORT = '0';
  process.env.CALLBACK_INSPECTOR_CONTROL_PORT = '0';
  await import('./main.js');
  win = await fake.loaded;
  const url = new URL(win.loadedUrl);
  origin = url.origin;
  expect(url.searchParams.has('token')).toBe(false);
  token = configFor({ sender: win.webContents, senderFrame: { url: `${origin}/`, parent: null } })?.token ?? '';
});

afterAll(async () => {
  process.env = saved;
  if (fake.app.quitCalls === 0) fake.app.quit();
  await fake.quitDone;
  rmSync(root, { recursive: true, force: true });
});

function menuItems(): MenuItemConstructorOptions[] {
  return (fake.handlers.menuTemplate as MenuItemConstructorOptions[]).flatMap(
    function flat(item): MenuItemConstructorOptions[] {
      return [item, ...(Array.isArray(item.submenu) ? item.submenu.flatMap(flat) : [])];
    },
  ); // set by Menu.setApplicationMenu
}

function clickMenu(id: string): void {
  const item = menuItems().find((i) => i.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  // Electron passes (menuItem, window, event); the shell's handlers use none of them.
  (item.click as () => void)();
}

const postCallback = async (fromUserID: string) => {
  const listener = (await (await api('/api/health')).json()).listener.url;
  return fetch(new URL('/callbackExample/callbackBeforeAddFriendCommand', listener), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID, toUserID: 'u2' }),
  });
};

const trustedEvent = () => ({ sender: win.webContents, senderFrame: { url: `${origin}/?token=x`, parent: null } });
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${origin}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });

describe('main process', () => {
  it('starts the engine and opens the hardened window on its UI', async () => {
    expect(fake.app.getPath('userData')).toBe(userData);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect((await api('/api/health')).status).toBe(200);
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(basename(String((prefs as { preload: unknown }).preload))).toBe('preload.cjs'); // checked shape above
  });

  it('gives the config to the engine page only', () => {
    const config = fake.handlers.ipcOn.get(IPC.config);
    if (!config) throw new Error('no config handler');
    const answer = (event: object) => {
      const e = { ...event, returnValue: undefined as unknown }; // set by the handler
      config(e);
      return e.returnValue;
    };
    expect(answer(trustedEvent())).toEqual({ controlUrl: origin, token, version: '9.9.9' });
    expect(answer({ ...trustedEvent(), senderFrame: { url: 'https://evil.test/', parent: null } })).toBeNull();
    expect(answer({ ...trustedEvent(), senderFrame: { url: `${origin}/`, parent: {} } })).toBeNull();
    expect(answer({ ...trustedEvent(), sender: {} })).toBeNull();
    expect(answer({ ...trustedEvent(), senderFrame: null })).toBeNull();
  });

  it('saves and opens files for the engine page, refuses foreign frames', async () => {
    const save = fake.handlers.ipcHandle.get(IPC.saveFile);
    const open = fake.handlers.ipcHandle.get(IPC.openFile);
    if (!save || !open) throw new Error('no file handlers');
    const foreign = { ...trustedEvent(), senderFrame: { url: 'http://127.0.0.1:1/', parent: null } };
    await expect(save(foreign, 'a.json', 'x')).rejects.toThrow(/refused/);
    await expect(open(foreign)).rejects.toThrow(/refused/);
    await expect(save(trustedEvent(), 42, 'x')).rejects.toThrow(TypeError);

    const target = join(root, 'saved.json');
    fake.dialog.saveResult = { canceled: false, filePath: target };
    await expect(save(trustedEvent(), '../../etc/rules.json', '{"ok":true}')).resolves.toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('{"ok":true}');
    const options: unknown = fake.dialog.saveCalls.at(-1)?.[1];
    const defaultPath =
      typeof options === 'object' && options !== null && 'defaultPath' in options ? String(options.defaultPath) : '';
    expect(dirname(defaultPath)).toBe(documents);
    fake.dialog.saveResult = { canceled: true, filePath: '' };
    await expect(save(trustedEvent(), 'b.json', 'x')).resolves.toBe(false);

    fake.dialog.openResult = { canceled: false, filePaths: [target] };
    await expect(open(trustedEvent())).resolves.toEqual({ name: 'saved.json', content: '{"ok":true}' });
    fake.dialog.openResult = { canceled: true, filePaths: [] };
    await expect(open(trustedEvent())).resolves.toBeNull();
  });

  it('adds the CSP to engine responses only', () => {
    const hook = fake.handlers.headersReceived;
    if (!hook) throw new Error('no CSP hook');
    const results: unknown[] = [];
    hook({ url: `${origin}/index.html`, responseHeaders: { 'Content-Type': ['text/html'] } }, (r: unknown) =>
      results.push(r),
    );
    hook({ url: 'https://elsewhere.test/', responseHeaders: {} }, (r: unknown) => results.push(r));
    const [own, other] = results as [{ responseHeaders: Record<string, string[]> }, unknown]; // two calls above
    // The UI page's one policy (shared/contract/csp.ts), for the engine's port.
    expect(own.responseHeaders['Content-Security-Policy']?.[0]).toBe(
      uiContentSecurityPolicy(Number(new URL(origin).port)),
    );
    expect(own.responseHeaders['Content-Security-Policy']?.[0]).toContain(`ws://${new URL(origin).host}`);
    expect(other).toEqual({});
  });

  it('denies permissions except clipboard writes from the page', () => {
    const request = fake.handlers.permissionRequest;
    const check = fake.handlers.permissionCheck;
    if (!request || !check) throw new Error('no permission handlers');
    const answers: boolean[] = [];
    request(win.webContents, 'media', (ok: boolean) => answers.push(ok), { requestingUrl: `${origin}/` });
    request(win.webContents, 'clipboard-sanitized-write', (ok: boolean) => answers.push(ok), {
      requestingUrl: `${origin}/`,
    });
    expect(answers).toEqual([false, true]);
    expect(check(win.webContents, 'notifications', `${origin}/`, {})).toBe(false);
    expect(check(win.webContents, 'clipboard-sanitized-write', 'https://evil.test', {})).toBe(false);
  });

  it('keeps navigation in the engine origin and sends web links to the system browser', () => {
    const external = fakeEvent('https://docs.openim.io/');
    win.webContents.emit('will-navigate', external);
    expect(external.defaultPrevented).toBe(true);
    expect(fake.shell.opened).toEqual(['https://docs.openim.io/']);
    const file = fakeEvent('file:///etc/passwd');
    win.webContents.emit('will-navigate', file);
    expect(file.defaultPrevented).toBe(true);
    const own = fakeEvent(`${origin}/?token=${token}`);
    win.webContents.emit('will-navigate', own);
    expect(own.defaultPrevented).toBe(false);
    const redirect = fakeEvent('https://elsewhere.test/');
    win.webContents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    expect(fake.shell.opened).toHaveLength(1);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.test/' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler?.({ url: 'file:///x' })).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual(['https://docs.openim.io/', 'https://example.test/']);
  });

  it('File → Export writes what the control API exports; Import posts a file back', async () => {
    const from = `main-test-${process.pid}`;
    const listener = (await (await api('/api/health')).json()).listener.url;
    const res = await fetch(new URL('/callbackExample/callbackBeforeAddFriendCommand', listener), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: from, toUserID: 'u2' }),
    });
    expect(res.status).toBe(200);

    const click = clickMenu;
    const exported = join(root, 'export.har');
    fake.dialog.saveResult = { canceled: false, filePath: exported };
    click('export-har');
    await vi.waitFor(() => expect(existsSync(exported) && readFileSync(exported, 'utf8')).toContain(from));
    expect(JSON.parse(readFileSync(exported, 'utf8')).log.entries).toHaveLength(1);

    const session = await (await api('/api/export?format=json')).text();
    const importFile = join(root, 'import.json');
    writeFileSync(importFile, session);
    fake.dialog.openResult = { canceled: false, filePaths: [importFile] };
    const before = fake.dialog.messages.length;
    click('import');
    await vi.waitFor(() => expect(fake.dialog.messages.length).toBe(before + 1));
    // The exported capture is still stored: importing it again adds nothing and says so.
    expect(JSON.stringify(fake.dialog.messages.at(-1))).toContain('0 captures imported, 1 already present');
    expect((await (await api('/api/captures')).json()).total).toBe(1);
  });

  it('a held request while the window is in the background: notification, flash, badge; click selects it', async () => {
    expect(
      (await api('/api/settings', { method: 'PATCH', body: JSON.stringify({ hold: { mode: 'before' } }) })).ok,
    ).toBe(true);
    win.focused = false;
    const before = FakeNotification.shown.length;
    const pending = postCallback('held-user');
    await vi.waitFor(() => expect(FakeNotification.shown.length).toBe(before + 1));
    const note = FakeNotification.shown.at(-1);
    expect(note?.options.title).toBe('Held: Before add friend');
    expect(note?.options.body).toMatch(/^held-user → u2 · answer within \d+\.\d s, else the fallback$/);
    expect(win.flashes.at(-1)).toBe(true);
    expect(fake.app.badges.at(-1)).toBe(1);

    const held = (await (await api('/api/captures?state=held')).json()).items[0];
    note?.emit('click');
    expect(win.focused).toBe(true);
    expect(win.webContents.sent.at(-1)).toEqual([IPC.selectCapture, held.id]);
    win.emit('focus');
    expect(win.flashes.at(-1)).toBe(false);

    // Focused: the badge counts, but nothing pops up.
    const second = postCallback('second-user');
    await vi.waitFor(() => expect(fake.app.badges.at(-1)).toBe(2));
    expect(FakeNotification.shown.length).toBe(before + 1);

    for (const item of (await (await api('/api/captures?state=held')).json()).items) {
      const res = await api(`/api/captures/${item.id}/decision`, {
        method: 'POST',
        body: JSON.stringify({ verdict: 'allow' }),
      });
      expect(res.status).toBe(200);
    }
    expect((await pending).status).toBe(200);
    expect((await second).status).toBe(200);
    await vi.waitFor(() => expect(fake.app.badges.at(-1)).toBe(0));
  });

  it('Captures → Hold Mode follows the setting and sets it; Clear asks first and clears only when confirmed', async () => {
    const checked = () => menuItems().find((i) => i.type === 'radio' && i.checked)?.id;
    await vi.waitFor(() => expect(checked()).toBe('hold-before'));
    clickMenu('hold-off');
    await vi.waitFor(async () => expect((await (await api('/api/settings')).json()).hold.mode).toBe('off'));
    await vi.waitFor(() => expect(checked()).toBe('hold-off'));

    const total = async () => (await (await api('/api/captures')).json()).total;
    const count = await total();
    expect(count).toBeGreaterThan(0);
    const asked = fake.dialog.messages.length;
    fake.dialog.messageResponse = 0; // Cancel
    clickMenu('clear');
    await vi.waitFor(() => expect(fake.dialog.messages.length).toBe(asked + 1));
    expect(JSON.stringify(fake.dialog.messages.at(-1))).toContain(`Clear all ${count} captures?`);
    expect(JSON.stringify(fake.dialog.messages.at(-1))).toContain('capture log on disk');
    expect(await total()).toBe(count);
    fake.dialog.messageResponse = 1; // Clear
    clickMenu('clear');
    await vi.waitFor(async () => expect(await total()).toBe(0));
    fake.dialog.messageResponse = 0;
    // Something for the quit test to find in the log after the clear.
    expect((await postCallback(`main-test-${process.pid}`)).status).toBe(200);
  });

  it('offers Reload when the page process is gone, and reloads', async () => {
    const asked = fake.dialog.messages.length;
    win.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 139 });
    await vi.waitFor(() => expect(win.webContents.reloads).toBe(1));
    expect(fake.dialog.messages.length).toBe(asked + 1);
    expect(JSON.stringify(fake.dialog.messages.at(-1))).toContain('The window stopped working');
    win.webContents.emit('render-process-gone', fakeEvent(), { reason: 'clean-exit', exitCode: 0 });
    expect(fake.dialog.messages.length).toBe(asked + 1);
  });

  it('refuses an import over the engine limit (200 MiB) before reading it', async () => {
    const open = fake.handlers.ipcHandle.get(IPC.openFile);
    if (!open) throw new Error('no open handler');
    const big = join(root, 'big.ndjson');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1_048_576 + 1); // sparse: no 200 MiB written
    fake.dialog.openResult = { canceled: false, filePaths: [big] };
    await expect(open(trustedEvent())).rejects.toThrow('big.ndjson is larger than 200 MiB');
    fake.dialog.openResult = { canceled: true, filePaths: [] };
  });

  it('a second copy of the app brings this window up: restored, shown, focused (one engine per data dir)', () => {
    win.minimized = true;
    win.focused = false;
    win.shown = false;
    fake.app.emit('second-instance', fakeEvent(), ['callback-inspector'], root);
    expect(win).toMatchObject({ minimized: false, shown: true, focused: true });
    expect(readFileSync(join(userData, 'engine.lock'), 'utf8').trim()).toBe(String(process.pid));
  });

  it('quits only after the engine stopped: log flushed, window state saved, control API closed', async () => {
    fake.app.quit();
    await fake.quitDone;
    expect(fake.app.quitCalls).toBe(2);
    expect(readFileSync(join(userData, 'captures.ndjson'), 'utf8')).toContain(`main-test-${process.pid}`);
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: false,
    });
    await expect(api('/api/health')).rejects.toThrow();
    expect(fake.app.exitCode).toBeNull();
    // The data dir is free again for the next start.
    expect(existsSync(join(userData, 'engine.lock'))).toBe(false);
  });
});
