import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ControlApiError, uiContentSecurityPolicy } from '../../../shared/contract/index.js';

/** Host header names accepted by the control server: a rebinding attack arrives with the attacker's own name. */
const LOOPBACK_HOST_HEADER = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

export function isLoopbackHostHeader(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST_HEADER.test(host);
}

/** The origins the control server's own pages run under. */
export function ownOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]);
}

/** Compares tokens in constant time: hashing first makes the lengths equal and hides the real length. */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Host and Origin checks, applied to every request (static files, API and WebSocket upgrades). */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, port: number): void {
  if (!isLoopbackHostHeader(headers.host)) {
    throw new ControlApiError(
      403,
      'bad-host',
      'the Host header must be a loopback name (127.0.0.1, localhost or [::1])',
    );
  }
  const origin = headers.origin;
  if (origin !== undefined && !ownOrigins(port).has(origin.toLowerCase())) {
    throw new ControlApiError(403, 'bad-origin', `requests from origin ${origin} are not allowed`);
  }
}

/**
 * Token check for /api: `Authorization: Bearer <token>`, or `?token=` where a header cannot be set
 * (WebSocket upgrades, browser download links).
 */
export function checkToken(headers: IncomingHttpHeaders, url: URL, token: string, allowQueryToken: boolean): void {
  let given: string | undefined;
  const auth = headers.authorization;
  if (auth !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!match?.[1]) throw new ControlApiError(401, 'bad-token', 'the Authorization header must be "Bearer <token>"');
    given = match[1];
  } else if (allowQueryToken) {
    given = url.searchParams.get('token') ?? undefined;
  }
  if (given === undefined || given === '') {
    throw new ControlApiError(401, 'missing-token', 'this call needs the control token: Authorization: Bearer <token>');
  }
  if (!tokenMatches(given, token)) throw new ControlApiError(401, 'bad-token', 'the control token is wrong');
}

/** Headers for every static UI response. */
export function staticSecurityHeaders(port: number): Record<string, string> {
  return {
    'content-security-policy': uiContentSecurityPolicy(port),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}
