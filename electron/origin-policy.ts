// Origin decisions for the window: what it may navigate to, what opens in the system browser, which permission
// it may use, and which IPC senders are trusted. Pure functions so they are unit-tested without Electron.

/** The origin of a URL, or null when it cannot be parsed or has an opaque origin (`about:blank`, `data:`). */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function isSameOrigin(url: string, origin: string): boolean {
  const own = originOf(origin);
  return own !== null && originOf(url) === own;
}

/** Only plain web links leave the app (to the system browser); never file:, javascript:, custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export type NavigationDecision = 'allow' | 'open-external' | 'block';

/** `will-navigate`: stay inside the engine's origin; hand web links to the system browser; block the rest. */
export function decideNavigation(url: string, engineOrigin: string): NavigationDecision {
  if (isSameOrigin(url, engineOrigin)) return 'allow';
  return isExternalWebUrl(url) ? 'open-external' : 'block';
}

/**
 * Every permission is denied, except writing plain text to the clipboard from the engine's own page: the top bar's
 * "copy listener URL" buttons use `navigator.clipboard.writeText`, which Electron routes through this check.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, engineOrigin: string): boolean {
  return permission === 'clipboard-sanitized-write' && isSameOrigin(requestingUrl, engineOrigin);
}
