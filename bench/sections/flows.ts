/**
 * Section "flows" (product.md §8 "v3 flows"): (1) flows derived for 100 000 captures in process — the shared
 * function alone, over a realistic mix (friend requests with their after-callbacks, blocked ones, Tencent lists with
 * two targets, 1:1 and group messages); (2) the engine's CPU per callback with flows on against off, in fresh
 * in-process children (dist/bench/inprocess-child.js `--flows=on|off`), alternating, median of the runs.
 */
import { join } from 'node:path';
import type { OutcomeEffect } from '../../shared/contract/index.js';
import { addCapture, emptyFlows, type FlowCapture, type FlowContext, listFlows } from '../../shared/flows/index.js';
import { spawnChild } from '../child.js';
import type { BenchConfig } from '../config.js';
import type { InprocessRun } from '../inprocess-child.js';
import { REPO_ROOT } from '../paths.js';
import { SAMPLES, type SampleRequest } from '../samples.js';
import { median, round } from '../stats.js';

export interface FlowsCompare {
  label: string;
  onUs: number;
  offUs: number;
  onRuns: number[];
  offRuns: number[];
  /** on ÷ off − 1 (0.03 = flows cost 3 % more engine CPU per callback). */
  overhead: number;
}

export interface FlowsSection {
  captures: number;
  /** Median ms to derive flows for all captures, and each run. */
  deriveMs: number;
  deriveRuns: number[];
  flows: number;
  /** `GET /api/flows` work for the latest 500 of them (filter, sort, slice), ms. */
  listMs: number;
  compare: FlowsCompare[];
}

const CTX: FlowContext = { profiles: { openim: 'v3.7+', tencent: 'fail-open' }, settleMs: 10_000 };

function capture(i: number, command: string, body: unknown, effect: OutcomeEffect): FlowCapture {
  return {
    id: `c${i}`,
    seq: i,
    receivedAt: 1_700_000_000_000 + i,
    dialect: command.includes('.') ? 'tencent' : 'openim',
    command,
    phase: /Before|Prev/.test(command) ? 'before' : 'after',
    state: 'answered',
    decidedBy: 'default',
    decision: effect === 'blocked' ? { verdict: 'deny', code: 5001 } : { verdict: 'allow' },
    outcome: { effect, explanation: '' },
    request: { body },
    response: { status: 200 },
    latencyMs: 0.1,
  };
}

/** A mix of what real servers send, over 5 000 users: every fifth request blocked, every pair seen again. */
export function flowCorpus(count: number): FlowCapture[] {
  const out: FlowCapture[] = [];
  const user = (n: number): string => `u${n % 5_000}`;
  for (let i = 0; out.length < count; i++) {
    const a = user(i * 7);
    const b = user(i * 13 + 1);
    const pair = { fromUserID: a, toUserID: b, reqMsg: 'hi', ex: '' };
    switch (i % 5) {
      case 0:
        out.push(capture(out.length, 'callbackBeforeAddFriendCommand', pair, i % 25 === 0 ? 'blocked' : 'proceeds'));
        out.push(capture(out.length, 'callbackAfterAddFriendCommand', pair, 'ignored'));
        break;
      case 1:
        out.push(capture(out.length, 'callbackBeforeSendSingleMsgCommand', { sendID: a, recvID: b }, 'proceeds'));
        out.push(capture(out.length, 'callbackAfterSendSingleMsgCommand', { sendID: a, recvID: b }, 'ignored'));
        break;
      case 2:
        out.push(
          capture(out.length, 'callbackBeforeSendGroupMsgCommand', { sendID: a, groupID: `g${i % 300}` }, 'proceeds'),
        );
        break;
      case 3: {
        const items = { From_Account: a, FriendItem: [{ To_Account: b }, { To_Account: user(i + 2) }] };
        out.push(capture(out.length, 'Sns.CallbackPrevFriendAdd', items, 'proceeds'));
        out.push(
          capture(out.length, 'Sns.CallbackFriendAdd', { PairList: [{ From_Account: a, To_Account: b }] }, 'ignored'),
        );
        break;
      }
      default:
        out.push(capture(out.length, 'C2C.CallbackBeforeSendMsg', { From_Account: a, To_Account: b }, 'proceeds'));
    }
  }
  return out.slice(0, count);
}

async function inprocess(sample: SampleRequest, flows: 'on' | 'off', config: BenchConfig): Promise<number> {
  const child = spawnChild(`inprocess ${sample.name} flows ${flows}`, process.execPath, [
    join(REPO_ROOT, 'dist/bench/inprocess-child.js'),
    `--sample=${sample.name}`,
    `--count=${config.inprocessCallbacks}`,
    `--warmup=${Math.ceil(config.inprocessCallbacks / 4)}`,
    `--flows=${flows}`,
  ]);
  const [, json = ''] = await child.waitFor(/^INPROCESS (\{.*\})$/m, 120_000);
  await child.stop();
  return (JSON.parse(json) as InprocessRun).cpuUsPerCallback; // the child prints exactly this shape
}

export async function runFlowsSection(config: BenchConfig, log: (line: string) => void): Promise<FlowsSection> {
  const corpus = flowCorpus(config.flowCaptures);
  const deriveRuns: number[] = [];
  let state = emptyFlows();
  for (let run = 0; run < Math.max(5, config.repeats); run++) {
    state = emptyFlows();
    const t0 = performance.now();
    for (const c of corpus) addCapture(state, c, CTX);
    deriveRuns.push(round(performance.now() - t0, 1));
    log(`  derive #${run + 1}: ${deriveRuns.at(-1)} ms for ${corpus.length} captures (${state.flows.size} flows)`);
  }
  const t1 = performance.now();
  listFlows(state, 500);
  const listMs = round(performance.now() - t1, 1);
  const compare: FlowsCompare[] = [];
  for (const sample of SAMPLES) {
    const on: number[] = [];
    const off: number[] = [];
    for (let run = 0; run < config.flowsCompareRuns; run++) {
      // Alternating, so drift on the machine hits both sides alike.
      on.push(await inprocess(sample, 'on', config));
      off.push(await inprocess(sample, 'off', config));
      log(`  ${sample.name} #${run + 1}: flows on ${on.at(-1)} µs, off ${off.at(-1)} µs per callback`);
    }
    const onUs = median(on);
    const offUs = median(off);
    compare.push({ label: sample.label, onUs, offUs, onRuns: on, offRuns: off, overhead: round(onUs / offUs - 1, 3) });
  }
  return {
    captures: corpus.length,
    deriveMs: median(deriveRuns),
    deriveRuns,
    flows: state.flows.size,
    listMs,
    compare,
  };
}
