import { DESKTOP_BRIDGE_KEY, type DesktopBridge } from '../../../shared/contract/index.js';

/** Where the control API is and how to authenticate; the same code path in Electron and in a browser. */
export interface ConnectionConfig {
  baseUrl: string;
  token: string;
  desktop: DesktopBridge | null;
}

/** The page's token survives a reload of the tab (the address no longer carries it), and nothing else. */
const TOKEN_KEY = 'callback-inspector.token';

function readDesktopBridge(): DesktopBridge | null {
  // The preload puts the bridge on window under a fixed key; a browser has none.
  const candidate = (window as unknown as Record<string, unknown>)[DESKTOP_BRIDGE_KEY];
  if (typeof candidate !== 'object' || candidate === null) return null;
  // Shape checked just enough to trust the two strings we need.
  const bridge = candidate as DesktopBridge;
  return typeof bridge.controlUrl === 'string' && typeof bridge.token === 'string' ? bridge : null;
}

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the token then lasts as long as the page
  }
}

/**
 * The token from `?token=` (then removed from the address, so it stays out of history, bookmarks and screen
 * shares, and kept in sessionStorage for a reload), else the one this tab already had.
 */
export function takeTokenFromAddress(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    session()?.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return session()?.getItem(TOKEN_KEY) ?? '';
}

export function resolveConnection(): ConnectionConfig {
  const desktop = readDesktopBridge();
  if (desktop) return { baseUrl: desktop.controlUrl.replace(/\/+$/, ''), token: desktop.token, desktop };
  return { baseUrl: window.location.origin, token: takeTokenFromAddress(), desktop: null };
}

export function eventsUrl(config: ConnectionConfig): string {
  const url = new URL('/api/events', config.baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', config.token);
  return url.toString();
}
