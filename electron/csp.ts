// The Content-Security-Policy the shell adds to every response from the engine's control origin.

/**
 * Scripts, styles, fonts and images only from the engine itself (fonts and images may also be inlined `data:`
 * assets of the vite build); network access only to the engine's own HTTP and WebSocket origin; no plugins,
 * frames, forms, `<base>` or embedding. No 'unsafe-inline' / 'unsafe-eval' anywhere.
 */
export function contentSecurityPolicy(controlUrl: string): string {
  const url = new URL(controlUrl);
  const wsProtocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const wsOrigin = `${wsProtocol}//${url.host}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${url.origin} ${wsOrigin}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Adds the policy to a response's headers. An existing policy from the engine is kept beside it (several policies
 * all apply, so the result can only be stricter than either).
 */
export function withCsp(headers: Record<string, string[]>, policy: string): Record<string, string[]> {
  const key = Object.keys(headers).find((name) => name.toLowerCase() === 'content-security-policy');
  if (key === undefined) return { ...headers, 'Content-Security-Policy': [policy] };
  return { ...headers, [key]: [...(headers[key] ?? []), policy] };
}
