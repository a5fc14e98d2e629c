// The desktop shell: starts the engine in-process, opens one hardened window on its web UI, adds the native menu
// and file dialogs, and stops the engine (answering held requests, flushing the capture log) before quitting.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  type Event,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  ipcMain,
  Menu,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
  type Session,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import type { ExportFormat } from '../shared/contract/index.js';
import { exportSession, importSession } from './control-client.js';
import { contentSecurityPolicy, withCsp } from './csp.js';
import type { Engine } from './engine/engine.js';
import { newToken, startEngine } from './engine-launch.js';
import { EXPORT_FILTERS, exportFileName, IMPORT_FILTERS, safeFileName } from './file-names.js';
import { type DesktopConfig, IPC } from './ipc-channels.js';
import { isTrustedSender, UntrustedSenderError } from './ipc-guard.js';
import { buildMenuTemplate } from './menu.js';
import { decideNavigation, isExternalWebUrl, isPermissionAllowed, originOf } from './origin-policy.js';
import { readShellEnv } from './shell-env.js';
import { createWindowOptions } from './window-options.js';
import { loadWindowState, saveWindowState } from './window-state.js';

const here = dirname(fileURLToPath(import.meta.url));
const PRODUCT_NAME = 'Callback Inspector';
const MAX_IMPORT_BYTES = 512 * 1_048_576;
const STOP_TIMEOUT_MS = 10_000;
const log = (line: string) => console.log(`[callback-inspector] ${line}`);

const env = readShellEnv(process.env);
for (const warning of env.warnings) log(warning);
app.setName(PRODUCT_NAME);
// Same folder for `npm start` and the packaged app (whose name is the productName), unless a test isolates it.
app.setPath('userData', env.userDataDir ?? join(app.getPath('appData'), PRODUCT_NAME));
app.enableSandbox();

let engine: Engine | null = null;
let engineOrigin = '';
let mainWindow: BrowserWindow | null = null;
let quitState: 'running' | 'stopping' | 'stopped' = 'running';

const windowStateFile = () => join(app.getPath('userData'), 'window-state.json');

function showWindow(): void {
  if (!mainWindow) {
    createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): void {
  if (!engine || quitState !== 'running') return;
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = loadWindowState(windowStateFile(), workAreas);
  const win = new BrowserWindow(createWindowOptions(join(here, 'preload.cjs'), state));
  mainWindow = win;
  if (state?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.webContents.once('did-fail-load', () => win.show());
  win.on('close', () => {
    saveWindowState(windowStateFile(), { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  guardNavigation(win.webContents);
  // No `?token=` in the address: the preload hands the token over (it would otherwise show in history and logs).
  void win.loadURL(`${engine.controlUrl()}/`);
}

function guardNavigation(contents: WebContents): void {
  const onNavigate = (event: Event, url: string, external: boolean) => {
    const decision = decideNavigation(url, engineOrigin);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external' && external) void shell.openExternal(url);
  };
  contents.on('will-navigate', (event) => onNavigate(event, event.url, true));
  contents.on('will-redirect', (event) => onNavigate(event, event.url, false));
}

function hardenSession(ses: Session, controlUrl: string): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, engineOrigin)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, engineOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  const policy = contentSecurityPolicy(controlUrl);
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (originOf(details.url) !== engineOrigin) return callback({});
    callback({ responseHeaders: withCsp(details.responseHeaders ?? {}, policy) });
  });
}

// Every web contents (including devtools): no <webview>, no new windows; web links go to the system browser.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

function trusted(event: IpcMainEvent | IpcMainInvokeEvent, channel: string): void {
  const frame = event.senderFrame;
  if (event.sender === mainWindow?.webContents && isTrustedSender(frame, engineOrigin)) return;
  throw new UntrustedSenderError(channel, frame?.url);
}

function registerIpc(config: DesktopConfig): void {
  ipcMain.on(IPC.config, (event) => {
    try {
      trusted(event, IPC.config);
      event.returnValue = config;
    } catch (error) {
      log(String(error));
      event.returnValue = null;
    }
  });
  ipcMain.handle(IPC.saveFile, async (event, suggestedName: unknown, content: unknown) => {
    trusted(event, IPC.saveFile);
    if (typeof suggestedName !== 'string' || typeof content !== 'string') throw new TypeError('saveFile(name, text)');
    const result = await saveDialog(event.sender, safeFileName(suggestedName), null);
    if (result === null) return false;
    await writeFile(result, content, 'utf8');
    return true;
  });
  ipcMain.handle(IPC.openFile, async (event) => {
    trusted(event, IPC.openFile);
    const file = await openDialog(event.sender);
    return file === null ? null : { name: basename(file), content: await readLimited(file) };
  });
}

async function saveDialog(owner: WebContents | null, name: string, format: ExportFormat | null) {
  const win = owner ? BrowserWindow.fromWebContents(owner) : mainWindow;
  const options: SaveDialogOptions = {
    title: format ? 'Export captures' : 'Save',
    defaultPath: join(app.getPath('documents'), name),
    filters: format ? [EXPORT_FILTERS[format]] : [],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function openDialog(owner: WebContents | null): Promise<string | null> {
  const win = owner ? BrowserWindow.fromWebContents(owner) : mainWindow;
  const options: OpenDialogOptions = { title: 'Import', properties: ['openFile'], filters: IMPORT_FILTERS };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function readLimited(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > MAX_IMPORT_BYTES) throw new Error(`${basename(file)} is larger than ${MAX_IMPORT_BYTES / 1_048_576} MiB`);
  return readFile(file, 'utf8');
}

async function message(options: MessageBoxOptions): Promise<void> {
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

const failed = (what: string) => (error: unknown) =>
  message({ type: 'error', title: PRODUCT_NAME, message: `${what} failed`, detail: String(error) });

const menuActions = {
  exportSession(format: ExportFormat): void {
    const run = async () => {
      if (!engine) return;
      const file = await saveDialog(null, exportFileName(format, new Date()), format);
      if (file === null) return;
      await writeFile(file, await exportSession(engine.controlUrl(), engine.token, format), 'utf8');
    };
    run().catch(failed('Export'));
  },
  importSession(): void {
    const run = async () => {
      if (!engine) return;
      const file = await openDialog(null);
      if (file === null) return;
      const result = await importSession(engine.controlUrl(), engine.token, await readLimited(file));
      const detail = `${result.imported} captures imported${result.skipped ? `, ${result.skipped} skipped` : ''}.`;
      await message({ type: 'info', title: PRODUCT_NAME, message: `Imported ${basename(file)}`, detail });
    };
    run().catch(failed('Import'));
  },
  openDataFolder(): void {
    shell.openPath(app.getPath('userData')).then((error) => {
      if (error) return failed('Opening the data folder')(error);
    }, failed('Opening the data folder'));
  },
  showAbout(): void {
    const detail = [
      'Stand-in app backend for OpenIM and Tencent Cloud Chat friend callbacks.',
      '',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
      `Callback listener: ${engine?.listenerUrl() ?? '-'}`,
      `Control API: ${engine?.controlUrl() ?? '-'}`,
      `Data folder: ${app.getPath('userData')}`,
    ].join('\n');
    void message({
      type: 'info',
      title: `About ${PRODUCT_NAME}`,
      message: `${PRODUCT_NAME} ${app.getVersion()}`,
      detail,
    });
  },
};

async function boot(): Promise<void> {
  const settings = env.listenerPort === null ? {} : { settings: { listener: { port: env.listenerPort } } };
  engine = await startEngine(
    {
      dataDir: app.getPath('userData'),
      uiDir: join(here, '..', 'renderer'),
      controlHost: '127.0.0.1',
      ...(env.controlPort === null ? {} : { controlPort: env.controlPort }),
      token: newToken(),
      version: app.getVersion(),
      log,
      ...settings,
    },
    log,
  );
  engineOrigin = originOf(engine.controlUrl()) ?? '';
  const status = engine.listenerStatus();
  log(
    `control API ${engine.controlUrl()}; listener ${status.state} ${status.url}${status.error ? ` (${status.error})` : ''}`,
  );
  hardenSession(session.defaultSession, engine.controlUrl());
  registerIpc({ controlUrl: engine.controlUrl(), token: engine.token, version: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(menuActions, process.platform)));
  createWindow();
}

async function shutdown(): Promise<void> {
  if (!engine) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log('engine did not stop in time; quitting anyway');
      resolve();
    }, STOP_TIMEOUT_MS);
  });
  await Promise.race([engine.stop().catch((error: unknown) => log(`engine stop failed: ${String(error)}`)), timeout]);
  clearTimeout(timer);
}

if (!app.requestSingleInstanceLock()) {
  // Another copy owns this user-data folder; it was told (second-instance) and shows its window.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quitting waits for the engine: held requests get their fallback answer and the capture log is flushed.
  app.on('before-quit', (event) => {
    if (quitState === 'stopped') return;
    event.preventDefault();
    if (quitState === 'stopping') return;
    quitState = 'stopping';
    void shutdown().finally(() => {
      quitState = 'stopped';
      app.quit();
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app
    .whenReady()
    .then(boot)
    .catch((error: unknown) => {
      dialog.showErrorBox(`${PRODUCT_NAME} could not start`, String(error instanceof Error ? error.stack : error));
      app.exit(1);
    });
}
