import { describe, expect, it } from 'vitest';
import type { OutcomeEffect } from '../contract/capture.js';
import type { Flow } from '../contract/flow.js';
import { catalogue } from '../protocol/catalogue.js';
import { type FlowKind, visitParties } from '../protocol/parties.js';
import { EXPECTED_LIMIT, scanBefore } from './arrival.js';
import { flowKey } from './flow-keys.js';
import { addCapture, emptyFlows, FLOW_STEP_LIMIT, type FlowState, kthSmallest } from './flows.js';
import { NEXT_STEPS, PREDECESSORS } from './next-steps.js';
import { stopped } from './steps.js';
import { cap, TEST_CTX as ctx } from './testing.js';

/** A small seeded generator (mulberry32): the same sequences on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMANDS = [
  'callbackBeforeAddFriendCommand',
  'callbackAfterAddFriendCommand',
  'callbackBeforeAddFriendAgreeCommand',
  'callbackAfterAddFriendAgreeCommand',
  'callbackAfterDeleteFriendCommand',
];
const EFFECTS: OutcomeEffect[] = ['proceeds', 'blocked', 'fails', 'ignored'];

/** The entry's `latest` holds exactly the last kept step of each predicting command (what the fast path reads). */
function checkLatest(state: FlowState): void {
  for (const entry of state.entries.values()) {
    const expected = new Map<string, unknown>();
    for (const step of entry.flow.steps) if (NEXT_STEPS.has(step.command)) expected.set(step.command, step);
    const held = new Map((entry.latest ?? []).map((s) => [s.command, s] as const));
    expect(held).toEqual(expected);
    for (const [command, step] of expected) expect(held.get(command)).toBe(step);
  }
}

describe('fast paths of the flows function keep the slow paths’ answers', () => {
  it('latest step per command and `unexpected` agree with a scan of the steps (random order, ties, trimming)', () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      const state = emptyFlows();
      let checked = 0;
      for (let i = 0; i < 1500; i++) {
        const command = COMMANDS[Math.floor(next() * COMMANDS.length)] as string;
        const effect = EFFECTS[Math.floor(next() * EFFECTS.length)] as OutcomeEffect;
        // Mostly in order, sometimes late, often at the same millisecond.
        const at = next() < 0.15 ? Math.floor(next() * i) : i - (i % 3);
        const body = { fromUserID: 'a', toUserID: 'b', blackUserID: 'b', ownerUserID: 'a', friendUserID: 'b' };
        const capture = cap(command, { ...body, HandleResult: 1 }, at, effect);
        const flow = state.flows.get('openim:pair:a|b');
        const wasExpected = flow?.expected.some((e) => e.command === command) ?? false;
        addCapture(state, capture, ctx);
        const now = state.flows.get('openim:pair:a|b') as Flow;
        const step = now.steps.find((s) => s.captureId === capture.id);
        if (step !== undefined && !wasExpected && PREDECESSORS.has(command)) {
          const before = scanBefore(now, step, PREDECESSORS.get(command) ?? []);
          expect(step.unexpected === true).toBe(before !== undefined && stopped(before.effect));
          checked++;
        }
        if (i % 50 === 0) checkLatest(state);
      }
      checkLatest(state);
      expect(state.flows.get('openim:pair:a|b')?.steps).toHaveLength(FLOW_STEP_LIMIT);
      expect(checked).toBeGreaterThan(100);
    }
  });

  it('a capture given again (its final state) replaces its step and stays the latest of its command', () => {
    const state = emptyFlows();
    const first = cap('callbackBeforeAddFriendCommand', { fromUserID: 'a', toUserID: 'b' }, 0, 'proceeds');
    addCapture(state, first, ctx);
    addCapture(state, { ...first, outcome: { effect: 'blocked', explanation: '', code: 1 } }, ctx);
    checkLatest(state);
    const [flow] = addCapture(
      state,
      cap('callbackAfterAddFriendCommand', { fromUserID: 'a', toUserID: 'b' }, 5, 'ignored'),
      ctx,
    );
    expect(flow?.steps).toHaveLength(2);
    expect(flow?.steps[1]?.unexpected).toBe(true);
  });

  it('forgets a predicting step once it is trimmed from the flow (as the scan of the kept steps would)', () => {
    const state = emptyFlows();
    const pair = { fromUserID: 'a', toUserID: 'b', ownerUserID: 'a', friendUserID: 'b' };
    addCapture(state, cap('callbackBeforeAddFriendCommand', pair, 0, 'blocked', { code: 1 }), ctx);
    for (let i = 1; i <= FLOW_STEP_LIMIT; i++)
      addCapture(state, cap('callbackAfterDeleteFriendCommand', pair, i, 'ignored'), ctx);
    checkLatest(state);
    const [flow] = addCapture(state, cap('callbackAfterAddFriendCommand', pair, 999, 'ignored'), ctx);
    expect(flow?.steps.at(-1)?.unexpected).toBeUndefined();
  });

  it('evicts exactly the flows a stable sort by last activity would (ties: the earliest created first)', () => {
    const next = random(7);
    const limit = 40;
    const state = emptyFlows(limit);
    const reference: { key: string; lastAt: number }[] = [];
    for (let i = 0; i < 600; i++) {
      const user = `u${Math.floor(next() * 120)}`;
      const at = Math.floor(next() * 50); // many ties
      const key = flowKey('openim', 'user', user, '');
      let kept = reference.find((r) => r.key === key);
      if (kept === undefined) {
        if (reference.length >= limit) {
          const gone = [...reference].sort((a, b) => a.lastAt - b.lastAt).slice(0, Math.ceil(limit / 10));
          for (const g of gone) reference.splice(reference.indexOf(g), 1);
        }
        kept = { key, lastAt: at };
        reference.push(kept);
      } else kept.lastAt = Math.max(kept.lastAt, at);
      addCapture(state, cap('callbackAfterUserOnlineCommand', { userID: user }, at, 'ignored'), ctx);
      expect([...state.flows.keys()].sort()).toEqual(reference.map((r) => r.key).sort());
    }
  });

  it('keeps the latest open expectations, at most twice the limit, dropping the oldest half at once', () => {
    const state = emptyFlows();
    const pair = { fromUserID: 'a', toUserID: 'b', reqMsg: '', ex: '' };
    const added: string[] = [];
    for (let i = 0; i < 5 * EXPECTED_LIMIT + 7; i++) {
      const c = cap('callbackBeforeAddFriendCommand', pair, 1_000 + i, 'proceeds');
      added.push(c.id);
      addCapture(state, c, ctx);
      const expected = state.flows.get('openim:pair:a|b')?.expected ?? [];
      expect(expected.length).toBeLessThanOrEqual(2 * EXPECTED_LIMIT);
      expect(expected.length).toBeGreaterThanOrEqual(Math.min(added.length, EXPECTED_LIMIT));
      // The latest, in order: the newest expectation is the last capture's.
      expect(expected.map((e) => e.afterCaptureId)).toEqual(added.slice(-expected.length));
    }
  });

  it('kthSmallest finds the value a sort puts at k', () => {
    const next = random(11);
    for (let n = 1; n < 200; n += 7) {
      const values = Array.from({ length: n }, () => Math.floor(next() * 20));
      const sorted = [...values].sort((a, b) => a - b);
      for (const k of [0, Math.floor(n / 2), n - 1]) expect(kthSmallest(Float64Array.from(values), k)).toBe(sorted[k]);
    }
  });

  it('in a group, a flows-only walk (members skipped) joins the flows a full walk does', () => {
    for (const info of catalogue) {
      if (info.sample === undefined) continue;
      const joined = (withParties: boolean) => {
        const out: string[] = [];
        const flow = (kind: FlowKind, _family: string, a: string, b: string) => {
          out.push(flowKey(info.dialect, kind, a, b));
          return true;
        };
        visitParties(info.dialect, info.name, info.sample, withParties ? { party: () => {}, flow } : { flow });
        return [...new Set(out)];
      };
      expect(joined(false), info.name).toEqual(joined(true));
    }
  });
});
