/**
 * Section: upstream mode's added latency. The bare node:http server stands in for the developer's app backend; the
 * same OpenIM callback is sent one at a time over one keep-alive connection, directly to that backend and through
 * the engine forwarding to it (upstream mode), in alternating blocks so both see the same machine load.
 */
import { Agent, request } from 'node:http';
import type { BenchConfig } from '../config.js';
import { startEngine } from '../engine-process.js';
import { OPENIM_SAMPLE } from '../samples.js';
import { postSample, sameJson, startBareServer } from '../servers.js';
import { percentile, round } from '../stats.js';

export interface UpstreamSection {
  /** Requests per path (direct and relayed). */
  count: number;
  directMs: { p50: number; p99: number };
  relayedMs: { p50: number; p99: number };
  /** What the relay adds: relayed minus direct, per percentile. */
  addedMs: { p50: number; p99: number };
  /** Answers that were not the backend's exact answer (must be 0). */
  wrongAnswers: number;
}

const BLOCKS = 10;

/** One POST; resolves with the round-trip time in ms and the body. */
function timedPost(agent: Agent, url: string, body: string): Promise<{ ms: number; text: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ ms: performance.now() - started, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const summary = (values: number[]): { p50: number; p99: number } => ({
  p50: round(percentile(values, 50), 3),
  p99: round(percentile(values, 99), 3),
});

export async function runUpstreamSection(
  config: BenchConfig,
  nodeArgs: readonly string[],
  log: (line: string) => void,
): Promise<UpstreamSection> {
  const backend = await startBareServer();
  const engine = await startEngine({ nodeArgs });
  // One connection each, reused: latency, not connection set-up, is what is compared.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await engine.patchSettings({ upstream: { url: `${backend.url}/callbackExample` } });
    const direct = `${backend.url}${OPENIM_SAMPLE.path}`;
    const relayed = `${engine.listenerUrl}${OPENIM_SAMPLE.path}`;
    const expected = await postSample(backend.url, OPENIM_SAMPLE);
    const check = await postSample(engine.listenerUrl, OPENIM_SAMPLE);
    if (!sameJson(expected.json, check.json)) throw new Error('the engine did not relay the backend answer');
    const perBlock = Math.max(1, Math.floor(config.upstreamCount / BLOCKS));
    // Warm-up: connections, JIT, the engine's keep-alive pool to the backend.
    for (let i = 0; i < Math.min(200, perBlock); i++) {
      await timedPost(agent, direct, OPENIM_SAMPLE.bodyText);
      await timedPost(agent, relayed, OPENIM_SAMPLE.bodyText);
    }
    const times = { direct: [] as number[], relayed: [] as number[] };
    let wrongAnswers = 0;
    const expectedText = JSON.stringify(expected.json);
    for (let block = 0; block < BLOCKS; block++) {
      for (const [path, url] of [
        ['direct', direct],
        ['relayed', relayed],
      ] as const) {
        for (let i = 0; i < perBlock; i++) {
          const { ms, text } = await timedPost(agent, url, OPENIM_SAMPLE.bodyText);
          times[path].push(ms);
          if (text !== expectedText) wrongAnswers += 1;
        }
      }
    }
    const directMs = summary(times.direct);
    const relayedMs = summary(times.relayed);
    const addedMs = {
      p50: round(relayedMs.p50 - directMs.p50, 3),
      p99: round(relayedMs.p99 - directMs.p99, 3),
    };
    log(`  direct to the backend: p50 ${directMs.p50} ms, p99 ${directMs.p99} ms (${times.direct.length} requests)`);
    log(`  through the inspector: p50 ${relayedMs.p50} ms, p99 ${relayedMs.p99} ms`);
    log(`  added by the relay: p50 ${addedMs.p50} ms, p99 ${addedMs.p99} ms; wrong answers ${wrongAnswers}`);
    return { count: times.direct.length, directMs, relayedMs, addedMs, wrongAnswers };
  } finally {
    agent.destroy();
    await engine.stop();
    await backend.stop();
  }
}
