// Runs the real bundled preload (built like scripts/build-node.mjs does) in a VM context with a fake `require`, as
// a sandboxed renderer would: only 'electron' can be required there.
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_BRIDGE_KEY } from '../shared/contract/desktop.js';
import { type DesktopConfig, IPC } from './ipc-channels.js';

let code = '';
beforeAll(async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./preload.cts', import.meta.url))],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  code = result.outputFiles[0]?.text ?? '';
});

function runPreload(config: unknown) {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
    ipcRenderer: {
      sendSync: vi.fn((_channel: string) => config),
      invoke: vi.fn(async (channel: string, ..._args: unknown[]) => (channel === IPC.saveFile ? true : null)),
      on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, fn)),
    },
  };
  const fakeRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} };
  runInNewContext(code, { require: fakeRequire, module, exports: module.exports });
  return { exposed, required, electron, listeners };
}

const CONFIG: DesktopConfig = { controlUrl: 'http://127.0.0.1:10007', token: 'tok-123', version: '0.1.0' };

describe('preload', () => {
  it('requires nothing but electron', () => {
    expect(runPreload(CONFIG).required).toEqual(['electron']);
  });

  it('asks main for the config once, synchronously, on the config channel', () => {
    const { electron } = runPreload(CONFIG);
    expect(electron.ipcRenderer.sendSync).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.sendSync).toHaveBeenCalledWith(IPC.config);
  });

  it('exposes exactly the DesktopBridge under its key', () => {
    const { exposed } = runPreload(CONFIG);
    expect([...exposed.keys()]).toEqual([DESKTOP_BRIDGE_KEY]);
    const bridge = exposed.get(DESKTOP_BRIDGE_KEY);
    expect(Object.keys(bridge ?? {}).sort()).toEqual([
      'controlUrl',
      'onSelectCapture',
      'openFile',
      'saveFile',
      'token',
      'version',
    ]);
    expect(bridge).toMatchObject(CONFIG);
  });

  it('forwards saveFile and openFile to their invoke channels and returns main’s answer', async () => {
    const { exposed, electron } = runPreload(CONFIG);
    const bridge = exposed.get(DESKTOP_BRIDGE_KEY);
    if (typeof bridge !== 'object' || bridge === null) throw new Error('no bridge');
    const { saveFile, openFile } = bridge as {
      // shape just asserted by key above; typed here to call it
      saveFile: (name: string, content: string) => Promise<boolean>;
      openFile: () => Promise<unknown>;
    };
    await expect(saveFile('export.json', '{"a":1}')).resolves.toBe(true);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.saveFile, 'export.json', '{"a":1}');
    await expect(openFile()).resolves.toBeNull();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.openFile);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(2);
  });

  it('passes the shell\'s "select this capture" to the page as a bare id', () => {
    const { exposed, listeners } = runPreload(CONFIG);
    // shape asserted by key in the test above; typed here to call it
    const bridge = exposed.get(DESKTOP_BRIDGE_KEY) as { onSelectCapture: (fn: (id: string) => void) => void };
    const selected: string[] = [];
    bridge.onSelectCapture((id) => selected.push(id));
    const deliver = listeners.get(IPC.selectCapture);
    if (!deliver) throw new Error('no listener on the select channel');
    deliver({ sender: 'ipc event' }, 'abc-1');
    deliver({ sender: 'ipc event' }, { not: 'an id' });
    expect(selected).toEqual(['abc-1']);
  });

  it('exposes nothing when main refuses the config', () => {
    for (const refused of [null, undefined, { controlUrl: 'x' }, 'token']) {
      const { exposed, electron } = runPreload(refused);
      expect(exposed.size).toBe(0);
      expect(electron.contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
    }
  });
});
