/** Section 2: peer mock servers under the same load, a fixed JSON answer on POST /callback. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchConfig } from '../config.js';
import { runLoad, warmUp } from '../load.js';
import { PEERS_DIR } from '../paths.js';
import { freePort, PEERS, waitUntilAnswering } from '../peer-servers.js';
import { OPENIM_SAMPLE } from '../samples.js';
import { round } from '../stats.js';

export interface PeerResult {
  name: string;
  status: 'measured' | 'not installed' | 'skipped' | 'failed';
  note: string;
  rps?: number;
  p50Ms?: number;
  p99Ms?: number;
  non2xx?: number;
  errors?: number;
  /** Our engine's rps (OpenIM sample, auto mode) divided by this peer's. */
  oursToPeer?: number;
  reason?: string;
}

export interface PeersSection {
  install: 'present' | 'installed' | 'failed' | 'not attempted';
  engineRps: number;
  peers: PeerResult[];
}

/** `npm ci` in bench/peers when its node_modules is missing (full runs only). */
function ensureInstalled(config: BenchConfig, log: (line: string) => void): PeersSection['install'] {
  if (existsSync(join(PEERS_DIR, 'node_modules'))) return 'present';
  if (config.peers !== 'run') return 'not attempted';
  log('  installing peers: npm ci --prefix bench/peers');
  const result = spawnSync('npm', ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (result.status === 0) return 'installed';
  log(`  peer install failed: ${(result.stderr ?? '').split('\n').slice(-5).join(' | ')}`);
  return 'failed';
}

export async function runPeersSection(
  config: BenchConfig,
  engineRps: number,
  log: (line: string) => void,
): Promise<PeersSection> {
  const install = ensureInstalled(config, log);
  const peers: PeerResult[] = [];
  const request = { path: '/callback', bodyText: OPENIM_SAMPLE.bodyText };
  for (const peer of PEERS) {
    const unavailable = peer.unavailable();
    if (unavailable !== null) {
      const status = unavailable.startsWith('skipped') ? 'skipped' : 'not installed';
      peers.push({ name: peer.name, status, note: peer.note, reason: unavailable });
      log(`  ${peer.name}: ${unavailable}`);
      continue;
    }
    const port = await freePort();
    const child = peer.start(port);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilAnswering(child, url, request.bodyText, 60_000);
      await warmUp(url, [request], config.connections, config.warmupS);
      const result = await runLoad(url, [request], {
        connections: config.connections,
        durationS: config.peerDurationS,
        targetPid: child.pid,
      });
      peers.push({
        name: peer.name,
        status: 'measured',
        note: peer.note,
        rps: Math.round(result.rps),
        p50Ms: result.p50Ms,
        p99Ms: result.p99Ms,
        non2xx: result.non2xx,
        errors: result.errors,
        oursToPeer: round(engineRps / result.rps, 2),
      });
      log(`  ${peer.name}: ${Math.round(result.rps)} req/s  p99 ${result.p99Ms} ms`);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      peers.push({ name: peer.name, status: 'failed', note: peer.note, reason: reason ?? 'unknown' });
      log(`  ${peer.name}: failed: ${reason}`);
    } finally {
      await child.stop();
    }
  }
  return { install, engineRps: Math.round(engineRps), peers };
}
