/**
 * Section "inprocess": the engine's own CPU per callback (no HTTP), per sample, in fresh child processes
 * (dist/bench/inprocess-child.js) alternating between the samples; the median of the repeats is reported with the
 * spread. This is the figure to compare builds by: it moves by about ±2 % between runs on a quiet machine.
 */
import { join } from 'node:path';
import { spawnChild } from '../child.js';
import type { BenchConfig } from '../config.js';
import type { InprocessRun } from '../inprocess-child.js';
import { REPO_ROOT } from '../paths.js';
import { SAMPLES, type SampleRequest } from '../samples.js';
import { median, round } from '../stats.js';

export interface InprocessSample {
  label: string;
  /** Median over the repeats, µs of engine CPU per callback. */
  cpuUsPerCallback: number;
  runs: number[];
  /** (max − min) ÷ median of the runs. */
  spread: number;
}

export interface InprocessSection {
  callbacks: number;
  repeats: number;
  samples: Record<SampleRequest['name'], InprocessSample>;
}

async function runOnce(sample: SampleRequest, config: BenchConfig): Promise<InprocessRun> {
  const child = spawnChild(`inprocess ${sample.name}`, process.execPath, [
    join(REPO_ROOT, 'dist/bench/inprocess-child.js'),
    `--sample=${sample.name}`,
    `--count=${config.inprocessCallbacks}`,
    `--warmup=${Math.ceil(config.inprocessCallbacks / 4)}`,
  ]);
  const [, json = ''] = await child.waitFor(/^INPROCESS (\{.*\})$/m, 120_000);
  await child.stop();
  const run = JSON.parse(json) as InprocessRun; // the child prints exactly this shape
  if (run.answered !== run.callbacks) {
    throw new Error(`${sample.name}: ${run.answered} answers for ${run.callbacks} callbacks`);
  }
  return run;
}

export async function runInprocessSection(config: BenchConfig, log: (line: string) => void): Promise<InprocessSection> {
  const runs: Record<SampleRequest['name'], number[]> = { openim: [], tencent: [] };
  for (let repeat = 0; repeat < config.repeats; repeat++) {
    for (const sample of SAMPLES) {
      const run = await runOnce(sample, config);
      runs[sample.name].push(run.cpuUsPerCallback);
      log(`  ${sample.name} #${repeat + 1}: ${run.cpuUsPerCallback} µs engine CPU per callback`);
    }
  }
  const summary = (sample: SampleRequest): InprocessSample => {
    const values = runs[sample.name];
    const mid = median(values);
    return {
      label: sample.label,
      cpuUsPerCallback: mid,
      runs: values,
      spread: round((Math.max(...values) - Math.min(...values)) / mid, 3),
    };
  };
  const [openim, tencent] = SAMPLES.map(summary) as [InprocessSample, InprocessSample]; // SAMPLES has both
  return { callbacks: config.inprocessCallbacks, repeats: config.repeats, samples: { openim, tencent } };
}
