import type { BrowserWindowConstructorOptions } from 'electron';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_HEIGHT, MIN_WIDTH, type WindowState } from './window-state.js';

export const WINDOW_TITLE = 'Callback Inspector';

/**
 * The main window: a sandboxed, context-isolated renderer without Node, webviews or insecure content. The page is
 * the engine's web UI; the only privileged code it meets is the preload's DesktopBridge.
 */
export function createWindowOptions(preloadPath: string, state: WindowState | null): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: state?.width ?? DEFAULT_WIDTH,
    height: state?.height ?? DEFAULT_HEIGHT,
    ...(state ? { x: state.x, y: state.y } : { center: true }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on `ready-to-show` to avoid a blank flash while the UI loads.
    show: false,
    webPreferences: {
      preload: preloadPath,
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
      // The spell checker downloads dictionaries from a Google CDN; the app makes no outside connections.
      spellcheck: false,
    },
  };
}
