/**
 * Section 4: the engine child's RSS after N captures with the default store limit (50 000). The store is bounded,
 * so RSS should level off once the limit is reached.
 */
import { rssMiB } from '../child.js';
import type { BenchConfig } from '../config.js';
import { startEngine } from '../engine-process.js';
import { runLoad } from '../load.js';
import { OPENIM_SAMPLE, TENCENT_SAMPLE, VARIED_BODIES } from '../samples.js';
import { round, sleep } from '../stats.js';

export interface MemoryStep {
  captures: number;
  stored: number;
  rssMiB: number;
  non2xx: number;
  errors: number;
}

export interface MemorySection {
  limit: number;
  startRssMiB: number;
  steps: MemoryStep[];
  /** RSS at the last step / RSS at the step closest to the limit (the plateau check). */
  plateauRatio: number;
}

export const VARIED_REQUESTS = [
  { path: OPENIM_SAMPLE.path, bodyText: VARIED_BODIES.openim },
  { path: TENCENT_SAMPLE.path, bodyText: VARIED_BODIES.tencent },
];

export async function runMemorySection(
  config: BenchConfig,
  nodeArgs: readonly string[],
  log: (line: string) => void,
): Promise<MemorySection> {
  const engine = await startEngine({ nodeArgs });
  try {
    const settings = await engine.api<{ capture: { limit: number } }>('GET', '/api/settings');
    await sleep(500);
    const startRss = rssMiB(engine.child.pid);
    const steps: MemoryStep[] = [];
    let sent = 0;
    for (const target of config.memorySteps) {
      const result = await runLoad(engine.listenerUrl, VARIED_REQUESTS, {
        connections: config.connections,
        durationS: 0,
        amount: target - sent,
        idReplacement: true,
      });
      sent = target;
      // Let the capture log flush and the event loop drain before reading RSS.
      await sleep(1_500);
      const stored = await engine.storedCaptures();
      const rss = rssMiB(engine.child.pid);
      steps.push({ captures: target, stored, rssMiB: round(rss, 1), non2xx: result.non2xx, errors: result.errors });
      log(`  ${target} captures (${stored} stored): RSS ${round(rss, 1)} MiB`);
    }
    const last = steps.at(-1);
    const atLimit = [...steps].reverse().find((step) => step.captures <= settings.capture.limit) ?? steps[0];
    return {
      limit: settings.capture.limit,
      startRssMiB: round(startRss, 1),
      steps,
      plateauRatio: last && atLimit ? round(last.rssMiB / atLimit.rssMiB, 3) : Number.NaN,
    };
  } finally {
    await engine.stop();
  }
}
