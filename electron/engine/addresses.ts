import { isIP } from 'node:net';

/**
 * The engine's own addresses: whether one only this machine can reach, and how a client writes it as a URL. One
 * place, so that the listener's "exposed" flag and the control API's loopback-only rule never disagree.
 */

/** True for addresses/names that only this machine can reach (127.0.0.0/8, ::1, localhost; brackets allowed). */
export function isLoopbackAddress(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const lower = bare.toLowerCase();
  if (lower === 'localhost') return true;
  if (isIP(lower) === 4) return lower.startsWith('127.');
  if (isIP(lower) === 6) return lower === '::1' || lower === '0:0:0:0:0:0:0:1' || lower.startsWith('::ffff:127.');
  return false;
}

/** `http://host:port`, an IPv6 address in brackets. */
export function serverUrl(host: string, port: number): string {
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

/** Where a client on this machine reaches a server bound to `host`: all interfaces (0.0.0.0, ::) via loopback. */
export const reachableHost = (host: string): string => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);
