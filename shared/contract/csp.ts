/**
 * The one Content-Security-Policy of the UI page, wherever it is shown: the engine sends it with every static UI
 * response (browser and Electron alike), and the desktop shell adds it to every response of the engine's origin.
 *
 * Scripts, styles, fonts and images only from the engine itself (fonts and images may also be inlined `data:`
 * assets of the vite build); network access only to the engine's own origin and its WebSocket under each loopback
 * name the page may be opened by; no plugins, frames, workers, forms, `<base>` or embedding. No 'unsafe-inline' or
 * 'unsafe-eval' anywhere (React's `style` props go through the CSSOM, which style-src does not restrict).
 */
export function uiContentSecurityPolicy(controlPort: number): string {
  const ws = ['127.0.0.1', 'localhost', '[::1]'].map((host) => `ws://${host}:${controlPort}`);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${ws.join(' ')}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
