/**
 * The memory section's second part (product.md §4 "v3 nothing is lost": memory bounded by bytes): 1 MiB bodies at
 * full rate for `bigBodyS` seconds against an engine with the default settings, the engine's highest RSS meanwhile
 * (budget < 700 MB), then Clear and a full GC: heap + external memory must come back to within 10 % of the level
 * before the load.
 */
import { rssMiB } from '../child.js';
import type { BenchConfig } from '../config.js';
import { startEngine } from '../engine-process.js';
import { runLoad } from '../load.js';
import { OPENIM_SAMPLE } from '../samples.js';
import { round, sleep } from '../stats.js';
import { forcedGc } from './memory.js';

export interface BigBodySection {
  bodyBytes: number;
  seconds: number;
  requests: number;
  non2xx: number;
  /** Highest RSS of the engine child during the load (sampled every 250 ms), MiB. */
  maxRssMiB: number;
  /** heap used + external after a full GC: before the load, and after Clear. */
  beforeMiB: number;
  afterClearMiB: number;
  /** afterClear / before. */
  clearRatio: number;
}

/** 700 MB (product.md §4 / issue budget), in MiB as RSS is reported. */
export const BIG_BODY_MAX_RSS_MIB = 667;
/** After Clear and a GC, heap + external within 10 % of the level before the load. */
export const CLEAR_MAX_RATIO = 1.1;

/** The section's budgets (report.ts lists them with the others). */
export function bigBodyBudgets(
  bodies: BigBodySection,
): { name: string; value: number; limit: string; pass: boolean }[] {
  return [
    {
      name: `Engine max RSS, 1 MiB bodies at full rate for ${bodies.seconds} s (MiB)`,
      value: bodies.maxRssMiB,
      limit: `< ${BIG_BODY_MAX_RSS_MIB}`,
      pass: bodies.maxRssMiB < BIG_BODY_MAX_RSS_MIB,
    },
    {
      name: 'Engine heap + external after Clear and a full GC / before the load',
      value: bodies.clearRatio,
      limit: `≤ ${CLEAR_MAX_RATIO}`,
      pass: bodies.clearRatio <= CLEAR_MAX_RATIO,
    },
  ];
}

export const bigBodyReport = (bodies: BigBodySection): string =>
  `\nMemory: 1 MiB bodies at full rate for ${bodies.seconds} s: ${bodies.requests} requests, max RSS ${bodies.maxRssMiB} MiB; heap + external ${bodies.beforeMiB} MiB before → ${bodies.afterClearMiB} MiB after Clear + GC (${bodies.clearRatio}×)`;

/** Just under the default body limit (1 MiB), so every request is accepted and stored whole. */
const BODY_BYTES = 1_048_576 - 512;

export function bigBody(): string {
  const body = JSON.parse(OPENIM_SAMPLE.bodyText) as Record<string, unknown>; // the catalogue's sample object
  const base = JSON.stringify({ ...body, ex: '' }).length;
  return JSON.stringify({ ...body, ex: 'x'.repeat(BODY_BYTES - base) });
}

export async function runBigBodySection(
  config: BenchConfig,
  nodeArgs: readonly string[],
  log: (line: string) => void,
): Promise<BigBodySection> {
  const engine = await startEngine({ nodeArgs: [...nodeArgs, '--expose-gc'] });
  try {
    await sleep(500);
    const before = await forcedGc(engine.child, 1);
    let maxRss = rssMiB(engine.child.pid);
    const sampler = setInterval(() => {
      maxRss = Math.max(maxRss, rssMiB(engine.child.pid));
    }, 250);
    const bodyText = bigBody();
    let result: Awaited<ReturnType<typeof runLoad>>;
    try {
      result = await runLoad(engine.listenerUrl, [{ path: OPENIM_SAMPLE.path, bodyText }], {
        connections: Math.min(config.connections, 8),
        durationS: config.bigBodyS,
      });
      await sleep(1_500);
    } finally {
      clearInterval(sampler);
    }
    await engine.api('DELETE', '/api/captures');
    await sleep(500);
    const after = await forcedGc(engine.child, 2);
    const beforeMiB = round(before.heapUsedMiB + before.externalMiB, 1);
    const afterClearMiB = round(after.heapUsedMiB + after.externalMiB, 1);
    const section: BigBodySection = {
      bodyBytes: Buffer.byteLength(bodyText),
      seconds: config.bigBodyS,
      requests: result.requests,
      non2xx: result.non2xx,
      maxRssMiB: round(maxRss, 1),
      beforeMiB,
      afterClearMiB,
      clearRatio: round(afterClearMiB / Math.max(beforeMiB, 0.1), 3),
    };
    log(
      `  1 MiB bodies for ${section.seconds} s: ${section.requests} requests (${section.non2xx} non-2xx), max RSS ${section.maxRssMiB} MiB; heap+external ${beforeMiB} MiB before → ${afterClearMiB} MiB after Clear + GC`,
    );
    return section;
  } finally {
    await engine.stop();
  }
}
