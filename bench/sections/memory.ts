/**
 * Section 4: the engine child's RSS after N captures with the default store limit (50 000). The store is bounded,
 * so RSS should level off once the limit is reached.
 */
import { type Child, rssMiB } from '../child.js';
import type { BenchConfig } from '../config.js';
import { startEngine } from '../engine-process.js';
import { runLoad } from '../load.js';
import { OPENIM_SAMPLE, TENCENT_SAMPLE, VARIED_BODIES } from '../samples.js';
import { round, sleep } from '../stats.js';

export interface MemoryStep {
  captures: number;
  stored: number;
  /** RSS as the engine left it (the budget). */
  rssMiB: number;
  /** After a forced full GC (diagnostic: live data vs garbage not yet collected). */
  afterGc: { rssMiB: number; heapUsedMiB: number; externalMiB: number };
  non2xx: number;
  errors: number;
}

export interface MemorySection {
  limit: number;
  startRssMiB: number;
  steps: MemoryStep[];
  /**
   * RSS at the first step past the limit / RSS at the last step within it (100k / 50k in a full run): the plateau
   * check. Null when no step passes the limit (smoke mode).
   */
  plateauRatio: number | null;
  /** The same ratio for the heap after a full GC (diagnostic: live data, not GC laziness). */
  heapPlateauRatio: number | null;
  /** Last step / first step past the limit (150k / 100k): stays ~1 when memory is bounded, if at a higher level. */
  tailRatio: number | null;
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
  const engine = await startEngine({ nodeArgs: [...nodeArgs, '--expose-gc'] });
  try {
    const settings = await engine.api<{ capture: { limit: number } }>('GET', '/api/settings');
    await sleep(500);
    const startRss = rssMiB(engine.child.pid);
    const steps: MemoryStep[] = [];
    let sent = 0;
    let reports = 0;
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
      const afterGc = await forcedGc(engine.child, ++reports);
      steps.push({
        captures: target,
        stored,
        rssMiB: round(rss, 1),
        afterGc,
        non2xx: result.non2xx,
        errors: result.errors,
      });
      log(
        `  ${target} captures (${stored} stored): RSS ${round(rss, 1)} MiB; after a full GC: RSS ${afterGc.rssMiB} MiB, heap ${afterGc.heapUsedMiB} MiB`,
      );
    }
    const limit = settings.capture.limit;
    const atLimit = steps.filter((step) => step.captures <= limit).at(-1);
    const past = steps.find((step) => step.captures > limit);
    const last = steps.at(-1);
    const ratio = (a: number | undefined, b: number | undefined): number | null =>
      a === undefined || b === undefined ? null : round(a / b, 3);
    return {
      limit,
      startRssMiB: round(startRss, 1),
      steps,
      plateauRatio: ratio(past?.rssMiB, atLimit?.rssMiB),
      heapPlateauRatio: ratio(past?.afterGc.heapUsedMiB, atLimit?.afterGc.heapUsedMiB),
      tailRatio: last === past ? null : ratio(last?.rssMiB, past?.rssMiB),
    };
  } finally {
    await engine.stop();
  }
}

/** Asks the engine child (SIGUSR2, see engine-child.ts) for a full GC and its memory figures afterwards. */
export async function forcedGc(child: Child, report: number): Promise<MemoryStep['afterGc']> {
  process.kill(child.pid, 'SIGUSR2');
  const line = await child.waitFor(new RegExp(`Memory#${report}: .*\\n`), 30_000);
  const value = (key: string): number => Number(line[0].match(new RegExp(`${key}=([\\d.]+)`))?.[1] ?? Number.NaN);
  return { rssMiB: value('rss'), heapUsedMiB: value('heapUsed'), externalMiB: value('external') };
}
