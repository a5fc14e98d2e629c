import { describe, expect, it } from 'vitest';
import { createWindowOptions } from './window-options.js';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_HEIGHT, MIN_WIDTH } from './window-state.js';

describe('createWindowOptions', () => {
  it('locks the renderer down: isolated, sandboxed, no Node, web security on, no webview', () => {
    const { webPreferences } = createWindowOptions('/app/dist/electron/preload.cjs', null);
    expect(webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
  });

  it('uses the default size, centred, when there is no remembered state', () => {
    const options = createWindowOptions('/p.cjs', null);
    expect(options).toMatchObject({ width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, center: true, show: false });
    expect(options).not.toHaveProperty('x');
    expect(options.minWidth).toBe(MIN_WIDTH);
    expect(options.minHeight).toBe(MIN_HEIGHT);
  });

  it('restores a remembered position and size', () => {
    const options = createWindowOptions('/p.cjs', { x: 40, y: 60, width: 1000, height: 700, maximized: false });
    expect(options).toMatchObject({ x: 40, y: 60, width: 1000, height: 700 });
    expect(options).not.toHaveProperty('center');
  });
});
