/**
 * `npm run soak -- [--minutes 3] [--rate 200] [--connections 10] [--attacks N]`: mixed callbacks (every catalogued sample of
 * both dialects) at a set rate for N minutes against an engine child with a data dir and a WebSocket subscriber,
 * printing the engine's RSS, heap and event-loop lag every 10 s. Not part of `npm test`: it measures, it does not
 * judge; read the curve (RSS and heap should flatten once the store limit is reached, lag should stay low).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildSampleRequest, sampleCommands } from '../shared/protocol/index.js';
import { openEvents } from './event-client.js';
import { REPO_ROOT } from './paths.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' },
    rate: { type: 'string', default: '200' },
    connections: { type: 'string', default: '10' },
    /** Issue 22's attacks after the load, this many rounds each (0: none). */
    attacks: { type: 'string', default: '0' },
  },
});
const attackRounds = Number(values.attacks);
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const connections = Number(values.connections);
if (!(minutes > 0 && minutes <= 24 * 60 && rate > 0 && connections > 0)) {
  process.stderr.write('usage: npm run soak -- [--minutes 0 < N <= 1440] [--rate R > 0] [--connections C > 0]\n');
  process.exit(3);
}

let events = 0;
const started = Date.now();
let answered = 0;
let failed = 0;
const report = (stats: string): void => {
  const t = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`t=${String(t).padStart(4)}s ${stats} answered=${answered} failed=${failed} events=${events}\n`);
};

const dir = await mkdtemp(join(tmpdir(), 'ci-soak-'));
const token = 'soak';
const child = spawn(
  process.execPath,
  [join(REPO_ROOT, 'dist/bench/engine-child.js'), '--data-dir', dir, '--token', token, '--stats-ms', '10000'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const addresses = await new Promise<{ listener: string; control: string }>((resolve, reject) => {
  const found: { listener?: string | undefined; control?: string | undefined } = {};
  child.once('exit', () => reject(new Error('engine child exited during start-up')));
  createInterface({ input: child.stdout }).on('line', (line) => {
    found.listener ??= /^Listener: (\S+)/.exec(line)?.[1];
    found.control ??= /^Control API: (\S+)/.exec(line)?.[1];
    if (found.listener && found.control) resolve({ listener: found.listener, control: found.control });
    const stats = /^Stats: (.*)$/.exec(line)?.[1];
    if (stats) report(stats);
  });
});

const subscriber = await openEvents(addresses.control, token, () => {
  events++;
});

// Every catalogued sample, as its server sends it (URL form, headers, Tencent query).
const requests = sampleCommands().map((info) => {
  const sample = buildSampleRequest(info, { nowMs: Date.now() });
  return {
    method: 'POST' as const,
    path: sample.target,
    headers: { ...sample.headers, 'content-type': 'application/json' },
    body: sample.bodyText,
    onResponse: (status: number) => {
      if (status === 200) answered++;
      else failed++;
    },
  };
});
process.stdout.write(
  `soak: ${minutes} min at ${rate}/s over ${connections} connections, ${requests.length} kinds of callback, data dir ${dir}\n`,
);
await autocannon({
  url: addresses.listener,
  connections,
  overallRate: rate,
  duration: Math.round(minutes * 60),
  requests,
});
const log = await stat(join(dir, 'captures.ndjson')).catch(() => null);
process.stdout.write(
  `done: answered ${answered}, failed ${failed}, events ${events}, log ${log ? (log.size / 1_048_576).toFixed(1) : '?'} MiB\n`,
);
if (attackRounds > 0) {
  const { runAttacks } = await import('./soak-attacks.js');
  await runAttacks({ ...addresses, dir, token }, Math.min(attackRounds, 1_000), (line) =>
    process.stdout.write(`attack: ${line}\n`),
  );
}
await subscriber.close();
child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));
await rm(dir, { recursive: true, force: true });
