// The sandboxed preload: a dumb pipe. It asks the main process once, synchronously, for the control URL, token and
// version, and exposes exactly the DesktopBridge. No logic, no raw ipcRenderer, nothing else reaches the page.
//
// Why a synchronous IPC and not `additionalArguments`: both work in a sandboxed preload, but additionalArguments
// are appended to the renderer process's command line, which every local user can read (`ps`, /proc/<pid>/cmdline);
// the control token would leak to them. sendSync keeps it in-process and lets main check the sender's origin.
//
// A .cts file is CommonJS: `verbatimModuleSyntax` forbids ESM imports here and `module: ESNext` forbids
// `import x = require()`, so values come from plain typed `require` calls. esbuild bundles the local modules into
// the one file a sandboxed preload can load, leaving only `require('electron')`.
import type { DesktopBridge } from '../shared/contract/desktop.js';

const { contextBridge, ipcRenderer }: typeof import('electron') = require('electron');
const { DESKTOP_BRIDGE_KEY }: typeof import('../shared/contract/desktop.js') = require('../shared/contract/desktop.js');
const { IPC, isDesktopConfig }: typeof import('./ipc-channels.js') = require('./ipc-channels.js');

const config: unknown = ipcRenderer.sendSync(IPC.config);

// Refused (not the engine's page): no bridge; the renderer then works as in a browser, from `?token=`.
if (isDesktopConfig(config)) {
  const bridge: DesktopBridge = {
    controlUrl: config.controlUrl,
    token: config.token,
    version: config.version,
    saveFile: (suggestedName: string, content: string): Promise<boolean> =>
      ipcRenderer.invoke(IPC.saveFile, suggestedName, content),
    openFile: (): Promise<{ name: string; content: string } | null> => ipcRenderer.invoke(IPC.openFile),
    // The page gets the id only, never the IPC event (it carries the sender and ipcRenderer itself).
    onSelectCapture: (listener: (captureId: string) => void): void => {
      ipcRenderer.on(IPC.selectCapture, (_event, captureId: unknown) => {
        if (typeof captureId === 'string') listener(captureId);
      });
    },
  };
  contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, bridge);
}
