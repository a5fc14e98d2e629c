/** The bench's budgets (product.md §8): each a value, its limit and whether it holds. */
import type { BenchResult, Budget } from './report.js';
import { bigBodyBudgets } from './sections/memory-bodies.js';
import { regexBudget } from './sections/regex.js';

/** RSS at 100k / at 50k captures above this counts as growth (GC slack and allocator caches stay below it). */
export const PLATEAU_MAX_RATIO = 1.15;
/** Message callbacks may cost at most this much more engine CPU than OpenIM before-add-friend (product.md §8). */
export const MESSAGE_MAX_RATIO = 1.1;
/** All of v3 may cost at most this much more engine CPU per friend callback than v2 (product.md §8). */
export const V3_MAX_RATIO = 1.05;

export function budgets(result: BenchResult): Budget[] {
  const out: Budget[] = [];
  const inprocess = result.inprocess;
  const friend = inprocess?.samples.openim?.cpuUsPerCallback;
  if (inprocess && friend !== undefined) {
    for (const name of ['openim-msg', 'tencent-c2c'] as const) {
      const sample = inprocess.samples[name];
      if (!sample) continue;
      const ratio = Math.round((sample.cpuUsPerCallback / friend) * 1000) / 1000;
      out.push({
        name: `${sample.label}: engine CPU / OpenIM before-add-friend (in process)`,
        value: ratio,
        limit: `≤ ${MESSAGE_MAX_RATIO}`,
        pass: ratio <= MESSAGE_MAX_RATIO,
      });
    }
  }
  for (const compared of Object.values(inprocess?.baseline ?? {})) {
    out.push({
      name: `${compared.label}: engine CPU / baseline (median of ${compared.baselineRuns.length} paired runs)`,
      value: compared.ratio,
      limit: `≤ ${V3_MAX_RATIO}`,
      pass: compared.ratio <= V3_MAX_RATIO,
    });
  }
  const listener = result.listener;
  if (listener) {
    for (const sample of Object.values(listener.samples)) {
      out.push({
        name: `${sample.label}: rps ratio to bare node:http`,
        value: sample.ratio,
        limit: '≥ 0.70',
        pass: sample.ratio >= 0.7,
      });
      out.push({
        name: `${sample.label}: p99 latency (ms)`,
        value: sample.engine.p99Ms,
        limit: '≤ 5',
        pass: sample.engine.p99Ms <= 5,
      });
    }
  }
  // The peer comparison counts only when it ran: a failed `npm ci` of bench/peers or a peer that did not start is a
  // failure here, not a quiet "not installed" in the peers table.
  const peers = result.peers;
  if (peers && peers.install !== 'not attempted') {
    const expected = peers.peers.filter((peer) => peer.status !== 'skipped');
    const measured = expected.filter((peer) => peer.status === 'measured').length;
    out.push({
      name: `Peers measured (bench/peers install: ${peers.install})`,
      value: measured,
      limit: `= ${expected.length}`,
      pass: peers.install !== 'failed' && measured === expected.length,
    });
  }
  const flows = result.flows;
  if (flows) {
    out.push({
      name: `Flows derived for ${flows.captures} captures, in process (ms)`,
      value: flows.deriveMs,
      limit: '< 200',
      pass: flows.deriveMs < 200,
    });
    for (const c of flows.compare) {
      out.push({
        name: `${c.label}: engine CPU per callback, flows on / off − 1`,
        value: c.overhead,
        limit: '≤ 0.05',
        pass: c.overhead <= 0.05,
      });
    }
  }
  const memory = result.memory;
  // "Stays flat after the limit is reached" (product.md §8): the live heap must not grow past the limit, and RSS
  // must not keep growing from one step past the limit to the next. RSS at the limit against past it is reported
  // above but not judged: V8 keeps the heap capacity it grew while filling the store, which is not a leak.
  if (memory && memory.heapPlateauRatio !== null) {
    out.push({
      name: 'Engine live heap after full GC (100k / 50k captures, limit 50k)',
      value: memory.heapPlateauRatio,
      limit: `≤ ${PLATEAU_MAX_RATIO}`,
      pass: memory.heapPlateauRatio <= PLATEAU_MAX_RATIO,
    });
  }
  if (memory && memory.tailRatio !== null) {
    out.push({
      name: 'Engine RSS past the limit (150k / 100k captures)',
      value: memory.tailRatio,
      limit: `≤ ${PLATEAU_MAX_RATIO}`,
      pass: memory.tailRatio <= PLATEAU_MAX_RATIO,
    });
  }
  if (result.regex) out.push(regexBudget(result.regex));
  if (result.memoryBodies) out.push(...bigBodyBudgets(result.memoryBodies));
  const ui = result.ui;
  if (ui && !('skipped' in ui)) {
    out.push({
      name: 'UI filter latency, worst (ms)',
      value: ui.filterMaxMs,
      limit: '< 100',
      pass: ui.filterMaxMs < 100,
    });
    out.push({
      name: 'UI longest task while ingesting (ms)',
      value: ui.longestTaskMs,
      limit: '< 200',
      pass: ui.longestTaskMs < 200,
    });
  }
  return out;
}
