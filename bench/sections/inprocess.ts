/**
 * Section "inprocess": the engine's own CPU per callback (no HTTP), per sample, in fresh child processes
 * (dist/bench/inprocess-child.js) alternating between the samples; the median of the repeats is reported with the
 * spread. This is the figure to compare builds by: it moves by about ±2 % between runs on a quiet machine.
 *
 * With `--baseline=DIR` (a built git worktree of another commit, e.g. v2's main 8774452), the friend samples are
 * also run from that tree's harness, alternating with ours in the same run (the order swaps every repeat), and the
 * median of the paired ratios ours / baseline is reported: the v3 budgets compare against it (product.md §8).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnChild } from '../child.js';
import type { BenchConfig } from '../config.js';
import type { InprocessRun } from '../inprocess-child.js';
import { REPO_ROOT } from '../paths.js';
import { FRIEND_SAMPLES, SAMPLES, type SampleName, type SampleRequest } from '../samples.js';
import { median, round } from '../stats.js';

export interface InprocessSample {
  label: string;
  /** Median over the repeats, µs of engine CPU per callback. */
  cpuUsPerCallback: number;
  runs: number[];
  /** (max − min) ÷ median of the runs. */
  spread: number;
}

export interface BaselineComparison {
  /** The baseline tree (a worktree of the compared commit, built). */
  dir: string;
  label: string;
  /** µs per callback of the baseline's runs, paired with `runs` of the same sample. */
  baselineRuns: number[];
  baselineCpuUsPerCallback: number;
  /** Median of the paired ratios ours / baseline (1.03 = 3 % more CPU than the baseline). */
  ratio: number;
}

export interface InprocessSection {
  callbacks: number;
  repeats: number;
  samples: Partial<Record<SampleName, InprocessSample>>;
  baseline?: Partial<Record<SampleName, BaselineComparison>>;
}

async function runOnce(sample: SampleRequest, config: BenchConfig, root = REPO_ROOT): Promise<InprocessRun> {
  const child = spawnChild(`inprocess ${sample.name}`, process.execPath, [
    join(root, 'dist/bench/inprocess-child.js'),
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

function summary(label: string, values: number[]): InprocessSample {
  const mid = median(values);
  return {
    label,
    cpuUsPerCallback: mid,
    runs: values,
    spread: round((Math.max(...values) - Math.min(...values)) / mid, 3),
  };
}

export async function runInprocessSection(config: BenchConfig, log: (line: string) => void): Promise<InprocessSection> {
  const baselineDir = config.baseline;
  if (baselineDir !== null && !existsSync(join(baselineDir, 'dist/bench/inprocess-child.js'))) {
    throw new Error(`--baseline=${baselineDir}: no dist/bench/inprocess-child.js there (run npm run build:node in it)`);
  }
  // Paired runs against a baseline: at least five of each side in a full run (product.md §8), so the median of the
  // ratios is worth reading; smoke mode keeps its one repeat.
  const repeats = baselineDir !== null && config.mode === 'full' ? Math.max(config.repeats, 5) : config.repeats;
  const runs = new Map<SampleName, number[]>();
  const baselineRuns = new Map<SampleName, number[]>();
  const push = (map: Map<SampleName, number[]>, name: SampleName, value: number): void => {
    map.set(name, [...(map.get(name) ?? []), value]);
  };
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const sample of SAMPLES) {
      const compared = baselineDir !== null && FRIEND_SAMPLES.includes(sample);
      // Alternate which tree goes first so drift (disk, heat, other work) does not favour one side.
      const order = compared && repeat % 2 === 1 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const);
      for (const side of order) {
        if (side === 'baseline' && !compared) continue;
        const run = await runOnce(sample, config, side === 'ours' ? REPO_ROOT : (baselineDir ?? REPO_ROOT));
        push(side === 'ours' ? runs : baselineRuns, sample.name, run.cpuUsPerCallback);
        log(`  ${sample.name}${side === 'baseline' ? ' (baseline)' : ''} #${repeat + 1}: ${run.cpuUsPerCallback} µs`);
      }
    }
  }
  const samples: InprocessSection['samples'] = {};
  for (const sample of SAMPLES) samples[sample.name] = summary(sample.label, runs.get(sample.name) ?? []);
  const section: InprocessSection = { callbacks: config.inprocessCallbacks, repeats, samples };
  if (baselineDir !== null) {
    section.baseline = {};
    for (const sample of FRIEND_SAMPLES) {
      const ours = runs.get(sample.name) ?? [];
      const theirs = baselineRuns.get(sample.name) ?? [];
      section.baseline[sample.name] = {
        dir: baselineDir,
        label: sample.label,
        baselineRuns: theirs,
        baselineCpuUsPerCallback: median(theirs),
        ratio: round(median(ours.map((value, i) => value / (theirs[i] ?? value))), 3),
      };
    }
  }
  return section;
}
