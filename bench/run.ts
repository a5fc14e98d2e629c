/**
 * `npm run bench`: measures the engine against the budgets of product.md §8 in one run on this machine, prints a
 * table and writes bench/results/bench-<date>.json. `--smoke` runs every section for a few seconds (for the test).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { budgets } from './budgets.js';
import { type BenchConfig, parseArgs, type SectionName, wants } from './config.js';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';
import { type BenchResult, formatReport, machine } from './report.js';
import { runFlowsSection } from './sections/flows.js';
import { runHoldSection } from './sections/hold.js';
import { runInprocessSection } from './sections/inprocess.js';
import { measureEngineOnce, runListenerSection } from './sections/listener.js';
import { runMemorySection } from './sections/memory.js';
import { runBigBodySection } from './sections/memory-bodies.js';
import { runPeersSection } from './sections/peers.js';
import { runRegexSection } from './sections/regex.js';
import { CHROMIUM, runUiSection } from './sections/ui.js';
import { runUpstreamSection } from './sections/upstream.js';
import { round } from './stats.js';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(config: BenchConfig): Promise<BenchResult> {
  const started = performance.now();
  const result: BenchResult = {
    date: new Date().toISOString(),
    mode: config.mode,
    machine: machine(),
    elapsedS: 0,
    sectionSeconds: {},
    errors: {},
    budgets: [],
  };
  const nodeArgs = (name: SectionName): string[] =>
    config.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(RESULTS_DIR, 'prof', name)}`] : [];

  const section = async (name: SectionName, body: () => Promise<void>): Promise<void> => {
    if (!wants(config, name)) return;
    log(`\n[${name}]`);
    const t0 = performance.now();
    try {
      await body();
    } catch (error) {
      result.errors[name] = error instanceof Error ? error.message : String(error);
      log(`  ERROR: ${result.errors[name]}`);
    }
    result.sectionSeconds[name] = round((performance.now() - t0) / 1000, 1);
    log(`  (${result.sectionSeconds[name]} s)`);
  };

  await section('inprocess', async () => {
    result.inprocess = await runInprocessSection(config, log);
  });
  await section('flows', async () => {
    result.flows = await runFlowsSection(config, log);
  });
  await section('regex', async () => {
    result.regex = runRegexSection(config, log);
  });
  await section('listener', async () => {
    result.listener = await runListenerSection(config, nodeArgs('listener'), log);
  });
  await section('peers', async () => {
    if (config.peers === 'skip') {
      log('  skipped (--no-peers)');
      return;
    }
    // Ours: the OpenIM sample in auto mode from the listener section (same load: 20 connections, JSON POST).
    const engineRps = result.listener?.samples.openim?.engine.rps ?? (await measureEngineOnce(config, log));
    result.peers = await runPeersSection(config, engineRps, log);
  });
  await section('hold', async () => {
    result.hold = await runHoldSection(config, nodeArgs('hold'), log);
  });
  await section('upstream', async () => {
    result.upstream = await runUpstreamSection(config, nodeArgs('upstream'), log);
  });
  await section('memory', async () => {
    result.memory = await runMemorySection(config, nodeArgs('memory'), log);
  });
  await section('memory-bodies', async () => {
    result.memoryBodies = await runBigBodySection(config, nodeArgs('memory-bodies'), log);
  });
  await section('ui', async () => {
    if (!config.ui) {
      result.ui = { skipped: config.mode === 'smoke' ? 'smoke mode' : '--no-ui' };
      return;
    }
    if (!existsSync(CHROMIUM)) {
      result.ui = { skipped: `no Chromium at ${CHROMIUM}` };
      return;
    }
    if (!existsSync(join(REPO_ROOT, 'dist/renderer/index.html'))) {
      result.ui = { skipped: 'renderer not built (npm run build)' };
      return;
    }
    result.ui = await runUiSection(config, nodeArgs('ui'), log);
  });

  result.elapsedS = round((performance.now() - started) / 1000, 1);
  result.budgets = budgets(result);
  return result;
}

const config = parseArgs(process.argv.slice(2));
const result = await main(config);
const file = config.outFile ?? join(RESULTS_DIR, `bench-${result.date.replace(/[:.]/g, '-')}.json`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
log(`\n${formatReport(result)}`);
log(`\nResults: ${file}`);
// Failed sections fail the command; missed budgets do not (they are what the bench reports).
process.exitCode = Object.keys(result.errors).length > 0 ? 1 : 0;
