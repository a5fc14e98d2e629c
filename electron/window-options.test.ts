import { describe, expect, it } from 'vitest';
import { createWindowOptions } from './window-options.js';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_HEIGHT, MIN_WIDTH } from './window-state.js';

describe('createWindowOptions', () => {
  const { webPreferences = {} } = createWindowOptions('/app/dist/electron/preload.cjs', null);

  it('gives the page no Node.js, in the window, its workers or its frames', () => {
    expect(webPreferences.nodeIntegration).toBe(false);
    expect(webPreferences.nodeIntegrationInWorker).toBe(false);
    expect(webPreferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('runs the page sandboxed, isolated from the preload, which is the only privileged code it meets', () => {
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.contextIsolation).toBe(true);
    expect(webPreferences.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('keeps web security on: same-origin policy, no insecure content, no experimental features', () => {
    expect(webPreferences.webSecurity).toBe(true);
    expect(webPreferences.allowRunningInsecureContent).toBe(false);
    expect(webPreferences.experimentalFeatures).toBe(false);
  });

  it('opens no other content: no webviews, no navigation by dropping a file, no dialog floods', () => {
    expect(webPreferences.webviewTag).toBe(false);
    expect(webPreferences.navigateOnDragDrop).toBe(false);
    expect(webPreferences.safeDialogs).toBe(true);
  });

  it('makes no outside connections (the spell checker would fetch dictionaries)', () => {
    expect(webPreferences.spellcheck).toBe(false);
  });

  it('sets no preference these tests do not state (a new one needs its reason here)', () => {
    expect(Object.keys(webPreferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
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
