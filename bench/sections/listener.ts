/**
 * Section 1: the listener in auto mode (capture + persistence + one event subscriber) against a bare node:http
 * server answering the same JSON, alternating runs in the same process run; median of the repeats.
 */
import type { BenchConfig } from '../config.js';
import { startEngine } from '../engine-process.js';
import { openEvents } from '../event-client.js';
import { type LoadResult, runLoad, warmUp } from '../load.js';
import { SAMPLES, type SampleName } from '../samples.js';
import { postSample, sameJson, startBareServer } from '../servers.js';
import { median, medianRun, round } from '../stats.js';

export interface SampleComparison {
  label: string;
  bare: LoadResult;
  engine: LoadResult;
  bareRuns: number[];
  engineRuns: number[];
  /** Median engine rps / median bare rps. */
  ratio: number;
  /**
   * Server CPU time per request (median over the runs), in µs: unlike rps it hardly depends on what else runs on
   * the machine, so bare/engine of these is the ratio to expect when the server has a core to itself.
   */
  engineCpuUsPerRequest: number;
  bareCpuUsPerRequest: number;
  /** The engine answered this sample exactly as the baseline does. */
  sameAnswer: boolean;
}

export interface ListenerSection {
  connections: number;
  warmupS: number;
  durationS: number;
  repeats: number;
  samples: Partial<Record<SampleName, SampleComparison>>;
  events: { messages: number; bytes: number };
  storedCaptures: number;
}

export async function runListenerSection(
  config: BenchConfig,
  nodeArgs: readonly string[],
  log: (line: string) => void,
): Promise<ListenerSection> {
  const bare = await startBareServer();
  const engine = await startEngine({ nodeArgs }).catch(async (error: unknown) => {
    await bare.stop();
    throw error;
  });
  try {
    const events = await openEvents(engine.controlUrl, engine.token);
    const samples: Partial<Record<SampleName, SampleComparison>> = {};
    for (const sample of SAMPLES) {
      const [bareAnswer, engineAnswer] = await Promise.all([
        postSample(bare.url, sample),
        postSample(engine.listenerUrl, sample),
      ]);
      const runs: Record<'bare' | 'engine', LoadResult[]> = { bare: [], engine: [] };
      for (let repeat = 0; repeat < config.repeats; repeat++) {
        // Alternate the order so drift (disk, heap growth, thermal) does not favour one side.
        const order = repeat % 2 === 0 ? (['bare', 'engine'] as const) : (['engine', 'bare'] as const);
        for (const target of order) {
          const url = target === 'bare' ? bare.url : engine.listenerUrl;
          const targetPid = target === 'bare' ? bare.child.pid : engine.child.pid;
          await warmUp(url, [sample], config.connections, config.warmupS);
          const result = await runLoad(url, [sample], {
            connections: config.connections,
            durationS: config.durationS,
            targetPid,
          });
          runs[target].push(result);
          const { cpu } = result;
          log(
            `  ${sample.name} ${target.padEnd(6)} ${Math.round(result.rps)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms` +
              `  cores: server ${cpu.target}, bench ${cpu.bench}, other ${cpu.other}`,
          );
        }
      }
      const bareMedian = medianRun(runs.bare);
      const engineMedian = medianRun(runs.engine);
      samples[sample.name] = {
        label: sample.label,
        bare: bareMedian,
        engine: engineMedian,
        bareRuns: runs.bare.map((run) => Math.round(run.rps)),
        engineRuns: runs.engine.map((run) => Math.round(run.rps)),
        ratio: round(engineMedian.rps / bareMedian.rps, 3),
        engineCpuUsPerRequest: cpuPerRequest(runs.engine),
        bareCpuUsPerRequest: cpuPerRequest(runs.bare),
        sameAnswer: bareAnswer.status === engineAnswer.status && sameJson(bareAnswer.json, engineAnswer.json),
      };
    }
    const storedCaptures = await engine.storedCaptures();
    const stats = events.stats();
    await events.close();
    const missing = SAMPLES.filter((sample) => samples[sample.name] === undefined);
    if (missing.length > 0) throw new Error(`not measured: ${missing.map((sample) => sample.name).join(', ')}`);
    return {
      connections: config.connections,
      warmupS: config.warmupS,
      durationS: config.durationS,
      repeats: config.repeats,
      samples,
      events: stats,
      storedCaptures,
    };
  } finally {
    await Promise.all([engine.stop(), bare.stop()]);
  }
}

function cpuPerRequest(runs: readonly LoadResult[]): number {
  return Math.round(median(runs.map((run) => (run.cpu.target * 1e6) / Math.max(run.rps, 1))));
}

/** Our rps for the OpenIM sample when the listener section did not run (`--only=peers`). */
export async function measureEngineOnce(config: BenchConfig, log: (line: string) => void): Promise<number> {
  const engine = await startEngine();
  try {
    const events = await openEvents(engine.controlUrl, engine.token);
    const sample = SAMPLES[0];
    if (sample === undefined) throw new Error('no sample');
    await warmUp(engine.listenerUrl, [sample], config.connections, config.warmupS);
    const result = await runLoad(engine.listenerUrl, [sample], {
      connections: config.connections,
      durationS: config.durationS,
    });
    await events.close();
    log(`  engine (${sample.name}): ${Math.round(result.rps)} req/s`);
    return result.rps;
  } finally {
    await engine.stop();
  }
}
