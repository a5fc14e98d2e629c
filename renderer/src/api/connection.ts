import { DESKTOP_BRIDGE_KEY, type DesktopBridge } from '../../../shared/contract/index.js';

/** Where the control API is and how to authenticate; the same code path in Electron and in a browser. */
export interface ConnectionConfig {
  baseUrl: string;
  token: string;
  desktop: DesktopBridge | null;
}

function readDesktopBridge(): DesktopBridge | null {
  // The preload puts the bridge on window under a fixed key; a browser has none.
  const candidate = (window as unknown as Record<string, unknown>)[DESKTOP_BRIDGE_KEY];
  if (typeof candidate !== 'object' || candidate === null) return null;
  // Shape checked just enough to trust the two strings we need.
  const bridge = candidate as DesktopBridge;
  return typeof bridge.controlUrl === 'string' && typeof bridge.token === 'string' ? bridge : null;
}

export function resolveConnection(): ConnectionConfig {
  const desktop = readDesktopBridge();
  if (desktop) return { baseUrl: desktop.controlUrl.replace(/\/+$/, ''), token: desktop.token, desktop };
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return { baseUrl: window.location.origin, token, desktop: null };
}

export function eventsUrl(config: ConnectionConfig): string {
  const url = new URL('/api/events', config.baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', config.token);
  return url.toString();
}
