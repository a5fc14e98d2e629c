import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Finding } from '../../../shared/contract/index.js';

/**
 * What must hold before a callback is forwarded (product.md §4 v3 "nothing escapes"): its command is a name, and the
 * backend is not this inspector itself.
 */

/** A command name as the servers use them; anything else is not put into a URL (`..` would reach the parent path). */
export const COMMAND_NAME = /^[A-Za-z][A-Za-z0-9._]*$/;

export const BAD_COMMAND: Finding = {
  level: 'error',
  code: 'bad-command',
  message:
    'The command is not a name (a letter, then letters, digits, "." or "_"): it is not put into the backend URL, so the callback was not forwarded; answered here.',
};

export const UPSTREAM_LOOP: Finding = {
  level: 'error',
  code: 'upstream-loop',
  message:
    'The upstream URL reaches this inspector itself (its listener or control port on this machine): not forwarded, answered here. Point upstream at the real app backend.',
};

/** True for a command that may go into a URL. */
export const isCommandName = (command: string): boolean => COMMAND_NAME.test(command);

/** An IPv4-mapped IPv6 address as URLs write it (`::ffff:7f00:1`) in its dotted form (`::ffff:127.0.0.1`). */
function unmapped(address: string): string {
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (!hex) return address;
  const [high, low] = [Number.parseInt(hex[1] ?? '0', 16), Number.parseInt(hex[2] ?? '0', 16)];
  return `::ffff:${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Every address of this machine: loopback ranges, the unspecified addresses, and each interface's own. */
function isLocalAddress(address: string): boolean {
  const a = unmapped(address.toLowerCase());
  if (a === '0.0.0.0' || a === '::' || a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.')) return true;
  const bare = a.startsWith('::ffff:') ? a.slice(7) : a;
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (info.address.toLowerCase() === bare) return true;
  }
  return false;
}

/**
 * Why `url` may not be the upstream URL (product.md §4 v3 `upstream-loop`, checked when the setting changes, as
 * well as before each forward): it reaches one of the engine's own ports on this machine, in any local address form.
 * Null when it does not.
 */
export async function upstreamLoopReason(
  guard: LoopGuard,
  url: string,
  own: { listener: readonly number[]; control: number | null },
): Promise<string | null> {
  const ports = [...own.listener, ...(own.control === null ? [] : [own.control])].filter((p) => p > 0);
  const port = await guard.selfPort(url, ports);
  if (port === null) return null;
  const what = own.listener.includes(port) ? 'listener' : 'control API';
  return `upstream-loop: ${url} reaches this inspector itself (port ${port} is its ${what} on this machine), so every callback would be forwarded back to it. Point upstream at the real app backend.`;
}

/** How long a host's resolved addresses are trusted (a forward per callback must not wait for DNS each time). */
const RESOLVED_MS = 30_000;

/**
 * Tells whether a backend URL reaches one of the engine's own ports on this machine: the host is resolved (every
 * address it has) and compared with the loopback range, `localhost`, `[::1]`, `0.0.0.0` and the machine's interfaces.
 * A backend on this machine at another port stays allowed.
 */
export class LoopGuard {
  private readonly resolved = new Map<string, { at: number; addresses: Promise<string[]> }>();

  constructor(private readonly ownPorts: () => readonly number[]) {}

  async reachesSelf(base: string): Promise<boolean> {
    return (await this.selfPort(base, this.ownPorts())) !== null;
  }

  /** The one of `ports` (on this machine) that `base` reaches, or null. */
  async selfPort(base: string, ports: readonly number[]): Promise<number | null> {
    let url: URL;
    try {
      url = new URL(base);
    } catch {
      return null;
    }
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (!ports.includes(port)) return null;
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const addresses = await this.addresses(host);
    return addresses.some(isLocalAddress) ? port : null;
  }

  private addresses(host: string): Promise<string[]> {
    if (isIP(host) !== 0) return Promise.resolve([host]);
    if (host.toLowerCase() === 'localhost' || host.toLowerCase().endsWith('.localhost'))
      return Promise.resolve(['127.0.0.1']);
    const now = Date.now();
    const cached = this.resolved.get(host);
    if (cached && now - cached.at < RESOLVED_MS) return cached.addresses;
    const addresses = lookup(host, { all: true }).then(
      (found) => found.map((f) => f.address),
      () => [] as string[], // not resolvable: the forward fails on its own with "host not found"
    );
    this.resolved.set(host, { at: now, addresses });
    return addresses;
  }
}
