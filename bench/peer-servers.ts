/** The peer mock servers (installed in bench/peers, not in the root package) and how to start each. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Child, spawnChild } from './child.js';
import { PEERS_DIR } from './paths.js';
import { sleep } from './stats.js';

export interface PeerDefinition {
  name: string;
  /** Why a result must be read with care (binding, logging). */
  note: string;
  /** Null when it can run; otherwise why not (`not installed`, `skipped: …`). */
  unavailable(): string | null;
  start(port: number): Child;
}

const bin = (name: string): string => join(PEERS_DIR, 'node_modules/.bin', name);

function wiremockJar(): string | null {
  const dir = join(PEERS_DIR, 'node_modules/wiremock/build');
  if (!existsSync(dir)) return null;
  const jar = readdirSync(dir).find((file) => file.endsWith('.jar'));
  return jar === undefined ? null : join(dir, jar);
}

function hasJava(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const needs = (path: string): string | null => (existsSync(path) ? null : 'not installed');

export const PEERS: readonly PeerDefinition[] = [
  {
    name: 'mockttp 4',
    note: 'binds all interfaces (its start() takes no host); measured on 127.0.0.1',
    unavailable: () => needs(join(PEERS_DIR, 'node_modules/mockttp')),
    start: (port) =>
      spawnChild('mockttp', process.execPath, [join(PEERS_DIR, 'mockttp-server.cjs'), String(port)], {
        cwd: PEERS_DIR,
      }),
  },
  {
    name: 'json-server 0.17.4',
    note: '127.0.0.1, fixed-answer middleware',
    unavailable: () => needs(bin('json-server')),
    start: (port) =>
      spawnChild(
        'json-server',
        process.execPath,
        [
          bin('json-server'),
          'db.json',
          '--host',
          '127.0.0.1',
          '--port',
          String(port),
          '--quiet',
          '--middlewares',
          'fixed-callback.js',
        ],
        { cwd: PEERS_DIR },
      ),
  },
  {
    name: 'Mockoon CLI 9',
    note: '127.0.0.1; logs every transaction to stdout (its default)',
    unavailable: () => needs(bin('mockoon-cli')),
    start: (port) =>
      spawnChild(
        'mockoon',
        process.execPath,
        [
          bin('mockoon-cli'),
          'start',
          '--data',
          'mockoon-env.json',
          '--port',
          String(port),
          '--hostname',
          '127.0.0.1',
          '--disable-log-to-file',
          '--disable-admin-api',
        ],
        { cwd: PEERS_DIR },
      ),
  },
  {
    name: 'WireMock 3',
    note: '127.0.0.1, Java, no request journal',
    unavailable: () => {
      if (wiremockJar() === null) return 'not installed';
      return hasJava() ? null : 'skipped: no java';
    },
    start: (port) =>
      spawnChild(
        'wiremock',
        'java',
        [
          '-jar',
          wiremockJar() ?? '',
          '--port',
          String(port),
          '--bind-address',
          '127.0.0.1',
          '--root-dir',
          'wiremock',
          '--disable-banner',
          '--no-request-journal',
        ],
        { cwd: PEERS_DIR },
      ),
  },
];

/** A port that was free a moment ago (peers that cannot bind port 0 and report it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `POST /callback` until the peer answers 200 (peers print readiness differently, json-server not at all). */
export async function waitUntilAnswering(child: Child, url: string, body: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited:\n${child.output().slice(-2_000)}`);
    try {
      const response = await fetch(`${url}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.text();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`${child.name} did not answer within ${timeoutMs} ms:\n${child.output().slice(-2_000)}`);
}
