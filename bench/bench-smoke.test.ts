/**
 * Runs `npm run bench -- --smoke` end to end (built bundle, real engine and baseline children, real HTTP on
 * loopback) and checks the result document. No timing budgets here: numbers on a shared 2-core machine are noise.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from './report.js';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
const out = join(dir, 'result.json');

function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/bench/run.js', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('bench --smoke', () => {
  let result: BenchResult;
  let output = '';

  beforeAll(async () => {
    // The bench and the engine it starts run from the esbuild bundles.
    execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: ROOT, stdio: 'ignore' });
    // Smoke mode runs the peers only when bench/peers is already installed: it never installs from a test.
    // `--baseline` against this same tree: the paired comparison runs end to end (the ratio itself is noise here).
    const run = await runBench(['--smoke', `--out=${out}`, `--baseline=${ROOT}`]);
    output = run.output;
    expect(run.code, output).toBe(0);
    result = JSON.parse(readFileSync(out, 'utf8')) as BenchResult; // written by the run above
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records the machine and every section without errors', () => {
    expect(result.mode).toBe('smoke');
    expect(result.machine.nproc).toBeGreaterThan(0);
    expect(result.machine.node).toMatch(/^v\d+/);
    expect(result.errors).toEqual({});
    expect(Object.keys(result.sectionSeconds).sort()).toEqual([
      'flows',
      'hold',
      'inprocess',
      'listener',
      'memory',
      'memory-bodies',
      'peers',
      'regex',
      'ui',
      'upstream',
    ]);
    expect(result.ui).toEqual({ skipped: 'smoke mode' });
    expect(output).toContain('Budgets:');
  });

  it('measures the engine CPU per callback in process for the friend and message samples, every callback answered', () => {
    const inprocess = result.inprocess;
    expect(inprocess?.callbacks).toBe(2_000);
    for (const name of ['openim', 'tencent', 'openim-msg', 'tencent-c2c'] as const) {
      const sample = inprocess?.samples[name];
      expect(sample?.runs, name).toHaveLength(1);
      expect(sample?.cpuUsPerCallback, name).toBeGreaterThan(0);
    }
    expect(output).toContain('Engine CPU per callback, in process');
  });

  it('compares the friend samples with the baseline tree in paired runs', () => {
    const baseline = result.inprocess?.baseline;
    for (const name of ['openim', 'tencent'] as const) {
      const compared = baseline?.[name];
      // One paired run of each side in smoke mode (a full run makes at least five).
      expect(compared?.baselineRuns, name).toHaveLength(1);
      expect(compared?.ratio, name).toBeGreaterThan(0);
    }
    expect(output).toContain('against the baseline');
  });

  it('measures the engine and the baseline on the friend and message samples, every request answered', () => {
    const listener = result.listener;
    expect(listener).toBeDefined();
    for (const name of ['openim', 'tencent', 'openim-msg', 'tencent-c2c'] as const) {
      const sample = listener?.samples[name];
      expect(sample?.sameAnswer, name).toBe(true);
      for (const run of [sample?.bare, sample?.engine]) {
        expect(run?.rps).toBeGreaterThan(0);
        expect(run?.requests).toBeGreaterThan(0);
        expect(run?.errors).toBe(0);
        expect(run?.non2xx).toBe(0);
        expect(run?.p99Ms).toBeGreaterThanOrEqual(run?.p50Ms ?? 0);
      }
      expect(sample?.ratio).toBeGreaterThan(0);
    }
    // The event subscriber really received the captures.
    expect(listener?.events.messages).toBeGreaterThan(0);
    expect(listener?.storedCaptures).toBeGreaterThan(0);
  });

  it('reports every peer as measured (with numbers) or why not', () => {
    const peers = result.peers;
    expect(peers?.peers.map((peer) => peer.name)).toEqual([
      'mockttp 4',
      'json-server 0.17.4',
      'Mockoon CLI 9',
      'WireMock 3',
    ]);
    for (const peer of peers?.peers ?? []) {
      if (peer.status === 'measured') {
        expect(peer.rps, peer.name).toBeGreaterThan(0);
        expect(peer.oursToPeer, peer.name).toBeGreaterThan(0);
      } else expect(peer.reason, peer.name).toBeTruthy();
    }
  });

  it('decides every held request through the control API', () => {
    const hold = result.hold;
    expect(hold).toMatchObject({ count: 20, held: 20, answered: 20, allowed: 20, decisionErrors: 0 });
    expect(hold?.decideToAnswerMs.p50).toBeGreaterThan(0);
    expect(hold?.decideToAnswerMs.p99).toBeGreaterThanOrEqual(hold?.decideToAnswerMs.p50 ?? 0);
  });

  it('relays every callback to the stand-in backend and reports the added latency', () => {
    const upstream = result.upstream;
    expect(upstream?.count).toBeGreaterThan(0);
    expect(upstream?.wrongAnswers).toBe(0);
    expect(upstream?.relayedMs.p50).toBeGreaterThan(0);
    expect(output).toContain('added by the relay');
  });

  it('reads the engine RSS after each memory step, with every capture stored', () => {
    const memory = result.memory;
    expect(memory?.limit).toBe(50_000);
    expect(memory?.steps.map((step) => step.captures)).toEqual([500, 1_000, 2_000]);
    for (const step of memory?.steps ?? []) {
      expect(step.stored).toBe(step.captures);
      expect(step.rssMiB).toBeGreaterThan(10);
      expect(step.errors + step.non2xx).toBe(0);
      // The forced full GC answered (engine child started with --expose-gc).
      expect(step.afterGc.heapUsedMiB).toBeGreaterThan(0);
    }
    // No smoke step passes the 50 000 limit: there is no plateau to compute.
    expect(memory?.plateauRatio).toBeNull();
  });

  it('drives 1 MiB bodies, then clears, and reads memory before and after', () => {
    const bodies = result.memoryBodies;
    expect(bodies?.bodyBytes).toBeGreaterThan(1_000_000);
    expect(bodies?.bodyBytes).toBeLessThanOrEqual(1_048_576);
    expect(bodies?.requests).toBeGreaterThan(0);
    // Under the default body limit every request is accepted.
    expect(bodies?.non2xx).toBe(0);
    expect(bodies?.maxRssMiB).toBeGreaterThan(0);
    expect(bodies?.beforeMiB).toBeGreaterThan(0);
    expect(result.budgets.map((budget) => budget.name)).toContain(
      'Engine heap + external after Clear and a full GC / before the load',
    );
  });

  it('lists the budgets it checked with their values', () => {
    const names = result.budgets.map((budget) => budget.name);
    expect(names.some((name) => name.includes('ratio'))).toBe(true);
    expect(names.some((name) => name.includes('p99'))).toBe(true);
    for (const budget of result.budgets) expect(Number.isFinite(budget.value)).toBe(true);
  });
});
