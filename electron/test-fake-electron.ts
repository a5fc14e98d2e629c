// A recording stand-in for the parts of Electron's main-process API that main.ts uses, so main.test.ts can run the
// real shell (with a real engine) where no Electron binary exists. It records; it decides nothing.
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export interface FakeEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(url = ''): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  /** Messages main sent to the page: [channel, ...args]. */
  readonly sent: unknown[][] = [];
  reloads = 0;
  isLoading(): boolean {
    return false;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  reload(): void {
    this.reloads += 1;
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
  readonly webContents = new FakeWebContents();
  loadedUrl = '';
  shown = false;
  focused = true;
  /** flashFrame calls, in order. */
  readonly flashes: boolean[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
    fake.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    fake.resolveLoaded(this);
  }
  maximize(): void {}
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isDestroyed(): boolean {
    return false;
  }
  flashFrame(flag: boolean): void {
    this.flashes.push(flag);
  }
  minimized = false;
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  quitCalls = 0;
  exitCode: number | null = null;
  /** setBadgeCount calls, in order. */
  readonly badges: number[] = [];
  setBadgeCount(count: number): boolean {
    this.badges.push(count);
    return true;
  }
  setName(): void {}
  getVersion(): string {
    return '9.9.9';
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`fake app: no path ${name}`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  enableSandbox(): void {}
  /** What requestSingleInstanceLock answers: false = another copy of the app holds it. */
  singleInstanceLock = true;
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  /** Like Electron: `before-quit` may be prevented; otherwise windows close and the app is gone. */
  quit(): void {
    this.quitCalls += 1;
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const win of FakeBrowserWindow.all) win.emit('close', fakeEvent());
    fake.resolveQuit();
  }
  exit(code: number): void {
    this.exitCode = code;
  }
}

export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
}

function createFake() {
  let resolveLoaded: (win: FakeBrowserWindow) => void = () => undefined;
  let resolveQuit: () => void = () => undefined;
  const loaded = new Promise<FakeBrowserWindow>((resolve) => {
    resolveLoaded = resolve;
  });
  const quitDone = new Promise<void>((resolve) => {
    resolveQuit = resolve;
  });
  const handlers = {
    ipcOn: new Map<string, Handler>(),
    ipcHandle: new Map<string, Handler>(),
    permissionRequest: null as Handler | null, // filled by main.ts
    permissionCheck: null as Handler | null, // filled by main.ts
    headersReceived: null as Handler | null, // filled by main.ts
    menuTemplate: null as unknown, // filled by main.ts
  };
  const app = new FakeApp();
  const dialog = {
    saveResult: { canceled: true, filePath: '' },
    openResult: { canceled: true, filePaths: [] as string[] },
    saveCalls: [] as unknown[][],
    messages: [] as unknown[][],
    /** The button index the next message boxes answer with. */
    messageResponse: 0,
    async showSaveDialog(...args: unknown[]) {
      dialog.saveCalls.push(args);
      return dialog.saveResult;
    },
    async showOpenDialog() {
      return dialog.openResult;
    },
    async showMessageBox(...args: unknown[]) {
      dialog.messages.push(args);
      return { response: dialog.messageResponse };
    },
    showErrorBox(...args: unknown[]) {
      dialog.messages.push(args);
    },
  };
  const shell = {
    opened: [] as string[],
    async openExternal(url: string) {
      shell.opened.push(url);
    },
    async openPath() {
      return '';
    },
  };
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    dialog,
    shell,
    ipcMain: {
      on: (channel: string, fn: Handler) => handlers.ipcOn.set(channel, fn),
      handle: (channel: string, fn: Handler) => handlers.ipcHandle.set(channel, fn),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: { template: unknown }) => {
        handlers.menuTemplate = menu.template;
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => {
          handlers.permissionRequest = fn;
        },
        setPermissionCheckHandler: (fn: Handler) => {
          handlers.permissionCheck = fn;
        },
        setDevicePermissionHandler: () => undefined,
        webRequest: {
          onHeadersReceived: (fn: Handler) => {
            handlers.headersReceived = fn;
          },
        },
      },
    },
  };
  return {
    module,
    app,
    dialog,
    shell,
    handlers,
    loaded,
    quitDone,
    resolveLoaded: (win: FakeBrowserWindow) => resolveLoaded(win),
    resolveQuit: () => resolveQuit(),
  };
}

export const fake = createFake();
