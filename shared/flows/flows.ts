import type { Dialect } from '../contract/capture.js';
import type { Flow, FlowFamily, FlowStep } from '../contract/flow.js';
import { expectNext, recordLatest, replaceLatest, settleArrival } from './arrival.js';
import { type FlowKind, flowKey, partiesOf, visitFlows } from './flow-keys.js';
import type { FlowProfiles } from './reasons.js';
import { type FlowCapture, stepOf } from './steps.js';

/** Steps kept per flow (the latest); a busy conversation would otherwise grow without bound. */
export const FLOW_STEP_LIMIT = 200;
/**
 * Flows one capture joins at most: Tencent's own lists hold at most 100 targets, so a longer one is hostile input,
 * and 200 000 targets must not become 200 000 flows.
 */
export const FLOWS_PER_CAPTURE = 100;

export interface FlowContext {
  profiles: FlowProfiles;
  settleMs: number;
}

/** A flow and what the hot path keeps beside it (never serialised: the index holds entries, the API the flows). */
export interface FlowEntry {
  readonly flow: Flow;
  /** Where it sits in `index` (to drop it on eviction). */
  readonly outer: Index;
  readonly a: string;
  readonly b: string;
  /**
   * The latest kept step of each predicting command (by time, then arrival; a handful at most, null until the
   * first): tells an unexpected arrival without scanning the steps. Invariant: the entry for command `c` is the last
   * step of `c` in `flow.steps` (unit-tested against a scan of the steps).
   */
  latest: FlowStep[] | null;
  /** The `addCapture` call that last joined it (`FlowState.calls`): a list naming the same pair twice joins once. */
  joinedBy: number;
}

/** a → b → entry, for one dialect and kind: looked up with the body's own strings, no key built per capture. */
type Index = Map<string, Map<string, FlowEntry>>;

/** All flows by key, and the keys of flows with pending expectations (what `settleFlows` visits). */
export interface FlowState {
  readonly flows: Map<string, Flow>;
  readonly pending: Set<string>;
  readonly index: Record<Dialect, Record<FlowKind, Index>>;
  /** Each flow's entry (eviction and settling reach a flow by key, the hot path by the index). */
  readonly entries: Map<string, FlowEntry>;
  /** Most flows kept; past it the least recently active tenth goes (one numeric sort per tenth, not per capture). */
  readonly limit: number;
  /** `addCapture` calls so far (a number, not the call's list: an old flow must not hold a young object). */
  calls: number;
}

const kinds = (): Record<FlowKind, Index> => ({
  pair: new Map(),
  chat: new Map(),
  group: new Map(),
  user: new Map(),
  creation: new Map(),
});

export const emptyFlows = (limit = 50_000): FlowState => ({
  flows: new Map(),
  pending: new Set(),
  index: { openim: kinds(), tencent: kinds() },
  entries: new Map(),
  limit,
  calls: 0,
});

/**
 * `(flows, capture) → flows`: adds one settled capture to the flows it belongs to and returns the flows it changed.
 * Pure in the sense that matters: the result depends only on the arguments (no clock, no I/O, the settle time is
 * counted from the capture's own time). For speed the state is updated in place — a copy per capture would make
 * 100 000 captures quadratic — so a caller that needs a snapshot serialises the returned flows at once.
 * `body` is the parsed request body (the engine has it apart from the capture). A held capture (no outcome yet) changes nothing; the same capture given again (its final state) replaces its step.
 * Per capture: one catalogue look-up, two map look-ups per flow joined, no sort, no copy of a flow, no JSON parse.
 */
export function addCapture(
  state: FlowState,
  capture: FlowCapture,
  ctx: FlowContext,
  body: unknown = capture.request.body,
): Flow[] {
  const { command, dialect } = capture;
  if (capture.state === 'held' || command === null || dialect === 'unknown') return [];
  const changed: Flow[] = [];
  const call = ++state.calls;
  visitFlows(dialect, command, body, (kind, family, a, b, target, existingOnly) => {
    const entry = touch(state, dialect, kind, family, a, b, capture.receivedAt, existingOnly);
    // A list naming the same pair twice joins its flow once.
    if (entry === null || entry.joinedBy === call) return true;
    entry.joinedBy = call;
    const step = stepOf(capture, command, target);
    if (!place(entry, step)) settleArrival(entry, step);
    expectNext(state, entry.flow, step, capture, body, ctx);
    changed.push(entry.flow);
    return changed.length < FLOWS_PER_CAPTURE;
  });
  return changed;
}

/** The flow for this key, created if new (the least recently active evicted past the limit); null: not created. */
function touch(
  state: FlowState,
  dialect: Dialect,
  kind: FlowKind,
  family: FlowFamily,
  a: string,
  b: string,
  at: number,
  existingOnly: boolean,
): FlowEntry | null {
  const outer = state.index[dialect][kind];
  const found = outer.get(a)?.get(b);
  if (found !== undefined) return found;
  if (existingOnly) return null;
  if (state.flows.size >= state.limit) evict(state);
  const key = flowKey(dialect, kind, a, b);
  const flow: Flow = {
    key,
    dialect,
    family,
    parties: partiesOf(kind, a, b),
    firstAt: at,
    lastAt: at,
    steps: [],
    stepCount: 0,
    expected: [],
  };
  if (kind === 'group') flow.groupId = a;
  if (kind === 'creation') flow.creating = a;
  let inner = outer.get(a);
  if (inner === undefined) {
    inner = new Map();
    outer.set(a, inner);
  }
  const entry: FlowEntry = { flow, outer, a, b, latest: null, joinedBy: 0 };
  inner.set(b, entry);
  state.entries.set(key, entry);
  state.flows.set(key, flow);
  return entry;
}

/** Drops the least recently active tenth: their cut-off time found in O(n) (no sort), once per tenth of the limit. */
function evict(state: FlowState): void {
  const drop = Math.min(state.flows.size, Math.max(1, Math.ceil(state.limit / 10)));
  const times = new Float64Array(state.flows.size);
  let i = 0;
  for (const flow of state.flows.values()) times[i++] = flow.lastAt;
  const cut = kthSmallest(times, drop - 1);
  // Every flow older than the cut goes, and as many at the cut as still fit in `drop` (the earliest created first).
  let older = 0;
  for (const t of times) if (t < cut) older++;
  let atCut = drop - older;
  for (const entry of state.entries.values()) {
    const last = entry.flow.lastAt;
    if (last > cut) continue;
    if (last === cut) {
      if (atCut <= 0) continue;
      atCut--;
    }
    const key = entry.flow.key;
    state.entries.delete(key);
    state.flows.delete(key);
    state.pending.delete(key);
    const inner = entry.outer.get(entry.a);
    if (inner === undefined) continue;
    inner.delete(entry.b);
    if (inner.size === 0) entry.outer.delete(entry.a);
  }
}

/** Hoare's selection: the value that would sit at index `k` were `a` sorted (reorders `a`; expected O(n)). */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] as number;
}

/** Inserts in time order (usually at the end), or replaces the step of the same capture (→ true). */
function place(entry: FlowEntry, step: FlowStep): boolean {
  const flow = entry.flow;
  const steps = flow.steps;
  const last = steps[steps.length - 1];
  if (last !== undefined && last.seq === step.seq && last.captureId === step.captureId) {
    steps[steps.length - 1] = step;
    replaceLatest(entry, last, step);
    flow.expected = flow.expected.filter((e) => e.afterCaptureId !== step.captureId);
    return true;
  }
  let at = steps.length;
  while (at > 0 && (steps[at - 1]?.receivedAt ?? 0) > step.receivedAt) at--;
  if (at === steps.length) steps.push(step);
  else steps.splice(at, 0, step);
  recordLatest(entry, step);
  if (steps.length > FLOW_STEP_LIMIT) {
    const gone = steps.shift();
    if (gone !== undefined) replaceLatest(entry, gone, null);
  }
  flow.stepCount += 1;
  if (step.receivedAt < flow.firstAt) flow.firstAt = step.receivedAt;
  if (step.receivedAt > flow.lastAt) flow.lastAt = step.receivedAt;
  return false;
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
