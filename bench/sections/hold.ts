/**
 * Section 3: the hold path. N callbacks are held at once (hold mode `all`), then each is decided through the control
 * API, one after the other; the time from the decision POST to the IM-server side receiving its answer is measured.
 */
import { Agent, request } from 'node:http';
import type { CaptureSummary } from '../../shared/contract/index.js';
import type { BenchConfig } from '../config.js';
import { type EngineProcess, startEngine } from '../engine-process.js';
import { openEvents } from '../event-client.js';
import { OPENIM_SAMPLE } from '../samples.js';
import { percentile, round, sleep } from '../stats.js';

export interface HoldSection {
  count: number;
  held: number;
  answered: number;
  /** Answers that were the allow decided (not a timeout fallback, not an error). */
  allowed: number;
  decisionErrors: number;
  decideToAnswerMs: { p50: number; p99: number; max: number };
  /** Round trip of the decision POST itself. */
  decisionPostMs: { p50: number; p99: number };
}

interface Pending {
  answered: Promise<{ status: number; body: string; at: number }>;
}

const BENCH_ID = 'x-bench-id';

function sendHeld(agent: Agent, listenerUrl: string, id: number): Pending {
  const answered = new Promise<{ status: number; body: string; at: number }>((resolve, reject) => {
    const req = request(
      `${listenerUrl}${OPENIM_SAMPLE.path}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', [BENCH_ID]: String(id) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, at: performance.now() }));
      },
    );
    req.on('error', reject);
    req.end(OPENIM_SAMPLE.bodyText);
  });
  // Failures are counted at the end (allSettled); until then a rejection must not count as unhandled.
  answered.catch(() => undefined);
  return { answered };
}

function benchIdOf(capture: CaptureSummary): number | null {
  for (const [name, value] of Object.entries(capture.request.headers)) {
    if (name.toLowerCase() === BENCH_ID) return Number(value);
  }
  return null;
}

/** Ids of held captures by bench id: from the event stream, topped up from GET /api/captures?state=held. */
async function collectHeld(engine: EngineProcess, fromEvents: Map<number, string>, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (fromEvents.size < count && Date.now() < deadline) await sleep(20);
  if (fromEvents.size >= count) return;
  const list = await engine.api<{ items: CaptureSummary[] }>('GET', `/api/captures?state=held&limit=${count}`);
  for (const capture of list.items) {
    const id = benchIdOf(capture);
    if (id !== null) fromEvents.set(id, capture.id);
  }
}

export async function runHoldSection(
  config: BenchConfig,
  nodeArgs: readonly string[],
  log: (line: string) => void,
): Promise<HoldSection> {
  const engine = await startEngine({ nodeArgs });
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  try {
    // Deadlines far enough away that every decision is a person's/API's, never the fallback.
    await engine.patchSettings({ hold: { mode: 'all', openimTimeoutMs: 15_000, tencentTimeoutMs: 15_000 } });
    const heldIds = new Map<number, string>();
    const events = await openEvents(engine.controlUrl, engine.token, (event) => {
      if ((event.type === 'capture.added' || event.type === 'capture.updated') && event.capture.state === 'held') {
        const id = benchIdOf(event.capture);
        if (id !== null) heldIds.set(id, event.capture.id);
      }
    });
    const pending = Array.from({ length: config.holdCount }, (_, i) => sendHeld(agent, engine.listenerUrl, i));
    await collectHeld(engine, heldIds, config.holdCount);
    log(`  ${heldIds.size}/${config.holdCount} held`);

    const decideToAnswer: number[] = [];
    const postTimes: number[] = [];
    let decisionErrors = 0;
    let answered = 0;
    let allowed = 0;
    for (let i = 0; i < pending.length; i++) {
      const captureId = heldIds.get(i);
      const item = pending[i];
      if (captureId === undefined || item === undefined) continue;
      const start = performance.now();
      try {
        await engine.api('POST', `/api/captures/${encodeURIComponent(captureId)}/decision`, { verdict: 'allow' });
      } catch {
        decisionErrors++;
        continue;
      }
      postTimes.push(performance.now() - start);
      const answer = await item.answered.catch(() => null);
      if (answer !== null) decideToAnswer.push(answer.at - start);
    }
    // Everything not decided above is answered by its fallback; wait for those too so no socket is left open.
    const answers = await Promise.allSettled(pending.map((item) => item.answered));
    for (const answer of answers) {
      if (answer.status !== 'fulfilled') continue;
      answered++;
      if (answer.value.status === 200 && /"nextCode"\s*:\s*0/.test(answer.value.body)) allowed++;
    }
    await events.close();
    return {
      count: config.holdCount,
      held: heldIds.size,
      answered,
      allowed,
      decisionErrors,
      decideToAnswerMs: {
        p50: round(percentile(decideToAnswer, 50)),
        p99: round(percentile(decideToAnswer, 99)),
        max: round(Math.max(...decideToAnswer)),
      },
      decisionPostMs: { p50: round(percentile(postTimes, 50)), p99: round(percentile(postTimes, 99)) },
    };
  } finally {
    agent.destroy();
    await engine.stop();
  }
}
