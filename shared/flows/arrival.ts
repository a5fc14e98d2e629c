import type { Flow, FlowStep } from '../contract/flow.js';
import { type ConditionTest, compileCondition } from '../rules/conditions.js';
import type { FlowContext, FlowEntry, FlowState } from './flows.js';
import { NEXT_STEPS, type NextStep, PREDECESSORS } from './next-steps.js';
import { predict } from './reasons.js';
import { type FlowCapture, proceeded, stopped } from './steps.js';

/**
 * Open expectations kept per flow, the latest: before-send callbacks with the after-callback switched off pile up.
 * Past twice this many the oldest half goes at once — one `shift` per capture cost about 1 µs of engine CPU per
 * callback in the in-process profile (V8 takes its slow path there), more than the rest of the flow step.
 */
export const EXPECTED_LIMIT = 50;

/**
 * An expected step arrived (the expectation is met, under whatever name the version sends it: `PREDECESSORS` knows
 * the legacy names too), or arrived although its predecessor was predicted to stop (→ unexpected).
 */
export function settleArrival(entry: FlowEntry, step: FlowStep): void {
  const predecessors = PREDECESSORS.get(step.command);
  if (predecessors === undefined) return;
  const expected = entry.flow.expected;
  // The oldest open expectation of this command: usually the first (steps come in the order they were predicted).
  for (let i = 0; i < expected.length; i++) {
    if (expected[i]?.command !== step.command) continue;
    expected.splice(i, 1);
    return;
  }
  const before = latestBefore(entry, step, predecessors);
  if (before === undefined || !stopped(before.effect)) return;
  step.unexpected = true;
  const what = before.code === undefined ? before.effect : `${before.effect} (${before.code})`;
  step.note =
    `arrived although step #${before.seq} was predicted ${what}: the server did not do what was predicted ` +
    '(wrong server profile, or a different answer reached it)';
}

/**
 * The latest kept step of a predecessor command at or before `step`: from the entry's `latest` map in O(1) per
 * predecessor; a predecessor later than `step` (it arrived out of order) or two at the same time take the scan.
 */
function latestBefore(entry: FlowEntry, step: FlowStep, predecessors: readonly string[]): FlowStep | undefined {
  let best: FlowStep | undefined;
  for (const command of predecessors) {
    const candidate = latestOf(entry, command);
    if (candidate === undefined || candidate === step) continue;
    if (candidate.receivedAt > step.receivedAt) return scanBefore(entry.flow, step, predecessors);
    if (best !== undefined && candidate.receivedAt === best.receivedAt)
      return scanBefore(entry.flow, step, predecessors);
    if (best === undefined || candidate.receivedAt > best.receivedAt) best = candidate;
  }
  return best;
}

function latestOf(entry: FlowEntry, command: string): FlowStep | undefined {
  const latest = entry.latest;
  if (latest === null) return undefined;
  for (const step of latest) if (step.command === command) return step;
  return undefined;
}

/** A step was placed: the latest of its command if it predicts anything and is not older than the one kept. */
export function recordLatest(entry: FlowEntry, step: FlowStep): void {
  if (!NEXT_STEPS.has(step.command)) return;
  const latest = entry.latest;
  if (latest === null) {
    entry.latest = [step];
    return;
  }
  for (let i = 0; i < latest.length; i++) {
    const kept = latest[i];
    if (kept?.command !== step.command) continue;
    if (kept.receivedAt <= step.receivedAt) latest[i] = step;
    return;
  }
  latest.push(step);
}

/** A step was replaced (its capture's final state) or dropped (null: the oldest past the limit, none of its command is newer). */
export function replaceLatest(entry: FlowEntry, old: FlowStep, step: FlowStep | null): void {
  const latest = entry.latest;
  if (latest === null) return;
  // A loop, not indexOf: `latest` holds a step or two, and the builtin call showed in the profile.
  let at = -1;
  for (let i = 0; i < latest.length && at < 0; i++) if (latest[i] === old) at = i;
  if (at < 0) return;
  if (step !== null) latest[at] = step;
  else latest.splice(at, 1);
}

/** The same by walking the steps back from the newest (the slow path, and the reference the tests compare with). */
export function scanBefore(flow: Flow, step: FlowStep, predecessors: readonly string[]): FlowStep | undefined {
  for (let i = flow.steps.length - 1; i >= 0; i--) {
    const before = flow.steps[i];
    if (before === undefined || before === step || before.receivedAt > step.receivedAt) continue;
    if (predecessors.includes(before.command)) return before;
  }
  return undefined;
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

function holds(tests: readonly ConditionTest[], body: unknown): boolean {
  for (const test of tests) if (!test(body)) return false;
  return true;
}

/** What the protocol says comes next, when this step proceeded for the flow's pair. */
export function expectNext(
  state: FlowState,
  flow: Flow,
  step: FlowStep,
  capture: FlowCapture,
  body: unknown,
  ctx: FlowContext,
): void {
  const rows = NEXT_STEPS.get(step.command);
  if (rows === undefined || flow.dialect !== capture.dialect) return;
  for (const row of rows) {
    if (row.when === 'proceeds' && !proceeded(step.effect)) continue;
    if (!holds(conditionsOf(row), body)) continue;
    const prediction = predict(flow.dialect, row, ctx.profiles);
    if (prediction === null) continue;
    flow.expected.push({
      command: prediction.command,
      afterCaptureId: step.captureId,
      status: 'pending',
      dueAt: step.receivedAt + (capture.latencyMs ?? 0) + ctx.settleMs,
      reasons: prediction.reasons,
    });
    if (flow.expected.length > 2 * EXPECTED_LIMIT) flow.expected.splice(0, EXPECTED_LIMIT);
    state.pending.add(flow.key);
  }
}
