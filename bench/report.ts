/** The bench's result document and the printed table (its budgets: budgets.ts). */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import type { SectionName } from './config.js';
import type { FlowsSection } from './sections/flows.js';
import type { HoldSection } from './sections/hold.js';
import type { InprocessSection } from './sections/inprocess.js';
import type { ListenerSection } from './sections/listener.js';
import type { MemorySection } from './sections/memory.js';
import { type BigBodySection, bigBodyReport } from './sections/memory-bodies.js';
import type { PeersSection } from './sections/peers.js';
import { type RegexSection, regexReport } from './sections/regex.js';
import type { UiSection } from './sections/ui.js';
import type { UpstreamSection } from './sections/upstream.js';

export interface Budget {
  name: string;
  value: number;
  limit: string;
  pass: boolean;
}

export interface Machine {
  nproc: number;
  cpu: string;
  memTotalGiB: number;
  node: string;
  platform: string;
  free: string;
  /** 1/5/15-minute load averages when the run started: other work on the machine disturbs every number. */
  loadAvgAtStart: number[];
}

export interface BenchResult {
  date: string;
  mode: 'full' | 'smoke';
  machine: Machine;
  elapsedS: number;
  sectionSeconds: Partial<Record<SectionName, number>>;
  inprocess?: InprocessSection;
  flows?: FlowsSection;
  listener?: ListenerSection;
  peers?: PeersSection;
  hold?: HoldSection;
  upstream?: UpstreamSection;
  memory?: MemorySection;
  /** 1 MiB bodies at full rate, then Clear (sections/memory-bodies.ts). */
  memoryBodies?: BigBodySection;
  regex?: RegexSection;
  ui?: UiSection | { skipped: string };
  errors: Partial<Record<SectionName, string>>;
  budgets: Budget[];
}

export function machine(): Machine {
  let free = '';
  try {
    free = execFileSync('free', ['-h'], { encoding: 'utf8' }).trim();
  } catch {
    free = 'free not available';
  }
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memTotalGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    free,
    loadAvgAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]): string => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatReport(result: BenchResult): string {
  const parts: string[] = [`Callback Inspector bench (${result.mode}), ${result.date}`];
  parts.push(
    `${result.machine.nproc} CPUs (${result.machine.cpu}), ${result.machine.memTotalGiB} GiB, node ${result.machine.node}`,
  );
  const { inprocess, flows, listener, peers, hold, upstream, memory, ui } = result;
  if (inprocess) {
    parts.push(
      `\nEngine CPU per callback, in process (no HTTP; ${inprocess.callbacks} callbacks, median of ${inprocess.repeats}):`,
    );
    parts.push(
      table(
        ['sample', 'µs per callback', 'runs', 'spread'],
        Object.values(inprocess.samples).map((s) => [
          s.label,
          s.cpuUsPerCallback,
          s.runs.join(' / '),
          `${Math.round(s.spread * 100)} %`,
        ]),
      ),
    );
    const compared = Object.values(inprocess.baseline ?? {});
    if (compared.length > 0) {
      parts.push(`  against the baseline ${compared[0]?.dir} (same run, alternating):`);
      parts.push(
        table(
          ['sample', 'baseline µs', 'baseline runs', 'ours / baseline (median of paired ratios)'],
          compared.map((c) => [c.label, c.baselineCpuUsPerCallback, c.baselineRuns.join(' / '), c.ratio]),
        ),
      );
    }
  }
  if (flows) {
    parts.push(
      `\nFlows: ${flows.captures} captures → ${flows.flows} flows in ${flows.deriveMs} ms (runs ${flows.deriveRuns.join(' / ')}); list latest 500: ${flows.listMs} ms`,
    );
    parts.push(
      table(
        ['sample', 'flows on µs', 'flows off µs', 'on / off − 1', 'runs on', 'runs off'],
        flows.compare.map((c) => [
          c.label,
          c.onUs,
          c.offUs,
          `${round1(c.overhead * 100)} %`,
          c.onRuns.join(' / '),
          c.offRuns.join(' / '),
        ]),
      ),
    );
  }
  if (listener) {
    parts.push(`\nListener, auto mode, ${listener.connections} connections (median of ${listener.repeats}):`);
    parts.push(
      table(
        [
          'sample',
          'bare req/s',
          'engine req/s',
          'ratio',
          'engine p50',
          'engine p99',
          'bare p99',
          'CPU µs/req engine / bare',
          'same answer',
        ],
        Object.values(listener.samples).map((s) => [
          s.label,
          Math.round(s.bare.rps),
          Math.round(s.engine.rps),
          s.ratio,
          `${s.engine.p50Ms} ms`,
          `${s.engine.p99Ms} ms`,
          `${s.bare.p99Ms} ms`,
          `${s.engineCpuUsPerRequest} / ${s.bareCpuUsPerRequest}`,
          s.sameAnswer ? 'yes' : 'NO',
        ]),
      ),
    );
  }
  if (listener) {
    const others = Object.values(listener.samples).flatMap((s) => [s.bare.cpu.other, s.engine.cpu.other]);
    const cores = Object.values(listener.samples)
      .map(
        (s) =>
          `${s.label.split(' ')[0]}: engine ${s.engine.cpu.target}, bare ${s.bare.cpu.target}, bench ${s.engine.cpu.bench}`,
      )
      .join('; ');
    parts.push(`  cores used (median runs): ${cores}; other processes up to ${Math.max(...others)}`);
  }
  if (peers) {
    parts.push(`\nPeers (POST /callback, fixed JSON; our engine ${peers.engineRps} req/s; install: ${peers.install}):`);
    parts.push(
      table(
        ['peer', 'status', 'req/s', 'p99', 'ours / peer', 'note'],
        peers.peers.map((p) => [
          p.name,
          p.reason ?? p.status,
          p.rps ?? '-',
          p.p99Ms === undefined ? '-' : `${p.p99Ms} ms`,
          p.oursToPeer ?? '-',
          p.note,
        ]),
      ),
    );
  }
  if (hold) {
    parts.push(
      `\nHold path: ${hold.held}/${hold.count} held, ${hold.answered} answered (${hold.allowed} allowed), ${hold.decisionErrors} decision errors`,
    );
    parts.push(
      `  decision POST → answer received: p50 ${hold.decideToAnswerMs.p50} ms, p99 ${hold.decideToAnswerMs.p99} ms, max ${hold.decideToAnswerMs.max} ms`,
    );
  }
  if (upstream) {
    parts.push(`\nUpstream relay (${upstream.count} sequential callbacks per path, one keep-alive connection):`);
    parts.push(
      table(
        ['path', 'p50', 'p99'],
        [
          ['direct to the backend', `${upstream.directMs.p50} ms`, `${upstream.directMs.p99} ms`],
          ['through the inspector', `${upstream.relayedMs.p50} ms`, `${upstream.relayedMs.p99} ms`],
          ['added by the relay', `${upstream.addedMs.p50} ms`, `${upstream.addedMs.p99} ms`],
        ],
      ),
    );
    if (upstream.wrongAnswers > 0) parts.push(`  WRONG: ${upstream.wrongAnswers} answers differ from the backend's`);
  }
  if (memory) {
    parts.push(`\nMemory (store limit ${memory.limit}; start ${memory.startRssMiB} MiB):`);
    parts.push(
      table(
        ['captures sent', 'stored', 'RSS MiB', 'after a full GC: RSS', 'heap used'],
        memory.steps.map((s) => [s.captures, s.stored, s.rssMiB, s.afterGc.rssMiB, s.afterGc.heapUsedMiB]),
      ),
    );
    parts.push(
      `  past-limit / at-limit: RSS ${memory.plateauRatio ?? '-'}, heap after GC ${memory.heapPlateauRatio ?? '-'}; last / past-limit RSS ${memory.tailRatio ?? '-'}`,
    );
  }
  if (result.regex) parts.push(regexReport(result.regex));
  if (result.memoryBodies) parts.push(bigBodyReport(result.memoryBodies));
  if (ui && 'skipped' in ui) parts.push(`\nUI: skipped (${ui.skipped})`);
  else if (ui) {
    parts.push(`\nUI (${ui.captures} captures): first render ${ui.firstRenderMs} ms, all rows ${ui.allRowsMs} ms`);
    parts.push(`  filter apply ${ui.filterApplyMs.join('/')} ms, clear ${ui.filterClearMs.join('/')} ms`);
    for (const [label, run] of [
      ['follow newest on', ui.ingest],
      ['follow newest off', ui.ingestNoFollow],
    ] as const) {
      parts.push(
        `  ingest ${run.sent} at ${run.rate}/s, ${label}: longest task ${run.longestTaskMs} ms (${run.longTasks} long tasks)`,
      );
    }
  }
  for (const [section, message] of Object.entries(result.errors)) parts.push(`\n${section}: ERROR ${message}`);
  if (result.budgets.length > 0) {
    parts.push('\nBudgets:');
    parts.push(
      table(
        ['budget', 'value', 'limit', 'result'],
        result.budgets.map((b) => [b.name, b.value, b.limit, b.pass ? 'PASS' : 'MISS']),
      ),
    );
  }
  const busy = result.machine.loadAvgAtStart[0] ?? 0;
  if (busy > 1) parts.push(`\nNOTE: load average ${busy} at start: other work on this machine disturbs the numbers.`);
  const seconds = Object.entries(result.sectionSeconds).map(([name, s]) => `${name} ${s} s`);
  parts.push(`\nElapsed: ${result.elapsedS} s (${seconds.join(', ')})`);
  return parts.join('\n');
}
