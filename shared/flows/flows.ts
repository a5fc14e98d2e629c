import type { Dialect } from '../contract/capture.js';
import type { Flow, FlowFamily, FlowStep } from '../contract/flow.js';
import type { ConditionTest } from '../rules/conditions.js';
import { compileCondition } from '../rules/conditions.js';
import { type FlowKind, flowKey, visitFlows } from './flow-keys.js';
import { NEXT_STEPS, type NextStep, PREDECESSORS } from './next-steps.js';
import { type FlowProfiles, predict } from './reasons.js';
import { type FlowCapture, proceeded, stepOf, stopped } from './steps.js';

/** Steps kept per flow (the latest); a busy conversation would otherwise grow without bound. */
export const FLOW_STEP_LIMIT = 200;
/**
 * Flows one capture joins at most: Tencent's own lists hold at most 100 targets, so a longer one is hostile input,
 * and 200 000 targets must not become 200 000 flows.
 */
export const FLOWS_PER_CAPTURE = 100;
/** Open expectations kept per flow (the latest): before-send callbacks with the after-callback switched off pile up. */
const EXPECTED_LIMIT = 50;

export interface FlowContext {
  profiles: FlowProfiles;
  settleMs: number;
}

/** a → b → flow, for one dialect and kind: looked up with the body's own strings, no key built per capture. */
type Index = Map<string, Map<string, Flow>>;
type Slot = { outer: Index; a: string; b: string };

/** All flows by key, and the keys of flows with pending expectations (what `settleFlows` visits). */
export interface FlowState {
  readonly flows: Map<string, Flow>;
  readonly pending: Set<string>;
  readonly index: Record<Dialect, Record<FlowKind, Index>>;
  /** Where each flow sits in `index` (to drop it on eviction). */
  readonly slots: WeakMap<Flow, Slot>;
  /** Most flows kept; past it the least recently active tenth goes (one sort per tenth, not a list per capture). */
  readonly limit: number;
}

const kinds = (): Record<FlowKind, Index> => ({ pair: new Map(), chat: new Map(), group: new Map(), user: new Map() });

export const emptyFlows = (limit = 50_000): FlowState => ({
  flows: new Map(),
  pending: new Set(),
  index: { openim: kinds(), tencent: kinds() },
  slots: new WeakMap(),
  limit,
});

/**
 * `(flows, capture) → flows`: adds one settled capture to the flows it belongs to and returns the flows it changed.
 * Pure in the sense that matters: the result depends only on the arguments (no clock, no I/O, the settle time is
 * counted from the capture's own time). For speed the state is updated in place — a copy per capture would make
 * 100 000 captures quadratic — so a caller that needs a snapshot serialises the returned flows at once.
 * A held capture (no outcome yet) changes nothing; the same capture given again (its final state) replaces its step.
 */
export function addCapture(state: FlowState, capture: FlowCapture, ctx: FlowContext): Flow[] {
  const { command, dialect } = capture;
  if (capture.state === 'held' || command === null || dialect === 'unknown') return [];
  const changed: Flow[] = [];
  visitFlows(dialect, command, capture.request.body, (kind, family, a, b, target) => {
    if (changed.length >= FLOWS_PER_CAPTURE) return;
    const flow = touch(state, dialect, kind, family, a, b, capture.receivedAt);
    // A list naming the same pair twice joins its flow once.
    if (changed.includes(flow)) return;
    const step = stepOf(capture, command, target);
    if (!place(flow, step)) settleArrival(flow, step);
    expectNext(state, flow, step, capture, ctx);
    changed.push(flow);
  });
  return changed;
}

/** The flow for this key, created if new (the least recently active evicted past the limit). */
function touch(
  state: FlowState,
  dialect: Dialect,
  kind: FlowKind,
  family: FlowFamily,
  a: string,
  b: string,
  at: number,
): Flow {
  const outer = state.index[dialect][kind];
  let inner = outer.get(a);
  const found = inner?.get(b);
  if (found !== undefined) return found;
  if (state.flows.size >= state.limit) {
    evict(state);
    inner = outer.get(a);
  }
  const key = flowKey(dialect, kind, a, b);
  const flow: Flow = {
    key,
    dialect,
    family,
    parties: b === '' ? [a] : [a, b],
    firstAt: at,
    lastAt: at,
    steps: [],
    stepCount: 0,
    expected: [],
  };
  if (kind === 'group') flow.groupId = a;
  if (inner === undefined) {
    inner = new Map();
    outer.set(a, inner);
  }
  inner.set(b, flow);
  state.slots.set(flow, { outer, a, b });
  state.flows.set(key, flow);
  return flow;
}

function evict(state: FlowState): void {
  const oldest = [...state.flows.values()].sort((a, b) => a.lastAt - b.lastAt);
  const drop = Math.max(1, Math.ceil(state.limit / 10));
  for (const flow of oldest.slice(0, drop)) {
    state.flows.delete(flow.key);
    state.pending.delete(flow.key);
    const slot = state.slots.get(flow);
    const inner = slot?.outer.get(slot.a);
    if (slot === undefined || inner === undefined) continue;
    inner.delete(slot.b);
    if (inner.size === 0) slot.outer.delete(slot.a);
  }
}

/** Inserts in time order (usually at the end), or replaces the step of the same capture (→ true). */
function place(flow: Flow, step: FlowStep): boolean {
  const steps = flow.steps;
  for (let i = steps.length - 1; i >= 0 && i >= steps.length - 1; i--) {
    if (steps[i]?.seq === step.seq && steps[i]?.captureId === step.captureId) {
      steps[i] = step;
      flow.expected = flow.expected.filter((e) => e.afterCaptureId !== step.captureId);
      return true;
    }
  }
  let at = steps.length;
  while (at > 0 && (steps[at - 1]?.receivedAt ?? 0) > step.receivedAt) at--;
  if (at === steps.length) steps.push(step);
  else steps.splice(at, 0, step);
  if (steps.length > FLOW_STEP_LIMIT) steps.shift();
  flow.stepCount += 1;
  if (step.receivedAt < flow.firstAt) flow.firstAt = step.receivedAt;
  if (step.receivedAt > flow.lastAt) flow.lastAt = step.receivedAt;
  return false;
}

/** An expected step arrived (the expectation is met), or arrived although its predecessor was predicted to stop. */
function settleArrival(flow: Flow, step: FlowStep): void {
  const predecessors = PREDECESSORS.get(step.command);
  if (predecessors === undefined) return;
  const met = flow.expected.findIndex((e) => e.command === step.command);
  if (met >= 0) {
    flow.expected.splice(met, 1);
    return;
  }
  for (let i = flow.steps.length - 1; i >= 0; i--) {
    const before = flow.steps[i];
    if (before === undefined || before === step || before.receivedAt > step.receivedAt) continue;
    if (!predecessors.includes(before.command)) continue;
    if (stopped(before.effect)) {
      step.unexpected = true;
      const what = before.code === undefined ? before.effect : `${before.effect} (${before.code})`;
      step.note =
        `arrived although step #${before.seq} was predicted ${what}: the server did not do what was predicted ` +
        '(wrong server profile, or a different answer reached it)';
    }
    return;
  }
}

const compiled = new WeakMap<NextStep, ConditionTest[]>();

function conditionsOf(next: NextStep): ConditionTest[] {
  let tests = compiled.get(next);
  if (tests === undefined) {
    tests = (next.where ?? []).flatMap((c) => {
      const made = compileCondition(c);
      return made.ok ? [made.test] : [];
    });
    compiled.set(next, tests);
  }
  return tests;
}

/** What the protocol says comes next, when this step proceeded for the flow's pair. */
function expectNext(state: FlowState, flow: Flow, step: FlowStep, capture: FlowCapture, ctx: FlowContext): void {
  const rows = NEXT_STEPS.get(step.command);
  if (rows === undefined || flow.dialect !== capture.dialect) return;
  for (const row of rows) {
    if (row.when === 'proceeds' && !proceeded(step.effect)) continue;
    if (!conditionsOf(row).every((test) => test(capture.request.body))) continue;
    const prediction = predict(flow.dialect, row, ctx.profiles);
    if (prediction === null) continue;
    flow.expected.push({
      command: prediction.command,
      afterCaptureId: step.captureId,
      status: 'pending',
      dueAt: step.receivedAt + (capture.latencyMs ?? 0) + ctx.settleMs,
      reasons: prediction.reasons,
    });
    if (flow.expected.length > EXPECTED_LIMIT) flow.expected.shift();
    state.pending.add(flow.key);
  }
}

/** Pending expectations due by `now` become missing; returns the flows that changed. */
export function settleFlows(state: FlowState, now: number): Flow[] {
  const changed: Flow[] = [];
  for (const key of state.pending) {
    const flow = state.flows.get(key);
    if (flow === undefined) {
      state.pending.delete(key);
      continue;
    }
    let open = false;
    let moved = false;
    for (const e of flow.expected) {
      if (e.status !== 'pending') continue;
      if (e.dueAt <= now) {
        e.status = 'missing';
        moved = true;
      } else open = true;
    }
    if (!open) state.pending.delete(key);
    if (moved) changed.push(flow);
  }
  return changed;
}

/** When the next pending expectation falls due, or null when none is pending. */
export function nextDue(state: FlowState): number | null {
  let due: number | null = null;
  for (const key of state.pending) {
    for (const e of state.flows.get(key)?.expected ?? []) {
      if (e.status === 'pending' && (due === null || e.dueAt < due)) due = e.dueAt;
    }
  }
  return due;
}

/** Latest activity first; `q` (case-insensitive) matches a party, the key or a step's command. */
export function listFlows(state: FlowState, limit: number, q?: string): Flow[] {
  const needle = q?.trim().toLowerCase() ?? '';
  const out: Flow[] = [];
  for (const flow of state.flows.values()) {
    if (needle === '' || flowMatches(flow, needle)) out.push(flow);
  }
  out.sort((a, b) => b.lastAt - a.lastAt);
  return out.slice(0, limit);
}

function flowMatches(flow: Flow, needle: string): boolean {
  if (flow.key.toLowerCase().includes(needle)) return true;
  return flow.steps.some((s) => s.command.toLowerCase().includes(needle));
}

/**
 * Flows of a finished recording (`verify --session`): every capture in order, then everything due by `now`
 * settled (`Infinity`: the recording is over, so an expected step not in it is missing).
 */
export function deriveFlows(captures: Iterable<FlowCapture>, ctx: FlowContext, now = Number.POSITIVE_INFINITY): Flow[] {
  const state = emptyFlows(Number.MAX_SAFE_INTEGER);
  for (const capture of captures) addCapture(state, capture, ctx);
  settleFlows(state, now);
  return listFlows(state, Number.MAX_SAFE_INTEGER);
}
