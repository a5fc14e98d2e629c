import type { Capture } from '../contract/capture.js';
import type { Flow } from '../contract/flow.js';
import type { Expectation, ExpectFile, VerifyNearMiss, VerifyResponse, VerifyResult } from '../contract/verify.js';
import { flowKeysOf } from '../flows/flow-keys.js';
import { compileCondition } from '../rules/conditions.js';
import { commandMatcher } from '../rules/glob.js';
import { parsePath, resolvePath } from '../rules/json-path.js';

/** What verify reads of a capture; `body` is the parsed request body (the caller parses stored text). */
export type VerifyCapture = Pick<
  Capture,
  'id' | 'seq' | 'receivedAt' | 'dialect' | 'command' | 'decidedBy' | 'outcome'
> & { body: unknown };

/** One check of an expectation: null when the capture passes, else why not (in words). */
type Check = (c: VerifyCapture) => string | null;

const CLOSEST = 3;
const show = (v: unknown): string => (v === undefined ? 'absent' : JSON.stringify(v));

function whereChecks(e: Expectation): Check[] {
  return (e.where ?? []).map((condition, i) => {
    const compiled = compileCondition(condition);
    const path = parsePath(condition.path);
    // The schema compiled every condition already; a failure here means the file was not validated.
    if (!compiled.ok || !path.ok) throw new Error(`where[${i}] is invalid: validate the file with ExpectFileSchema`);
    const wanted =
      condition.op === 'exists'
        ? condition.value === false
          ? 'absent'
          : 'present'
        : `${condition.op} ${show(condition.value)}`;
    return (c) => {
      if (compiled.test(c.body)) return null;
      const found = resolvePath(c.body, path.segments);
      const actual = found.length === 0 ? 'absent' : found.length === 1 ? show(found[0]) : show(found);
      return `where[${i}]: ${condition.path} is ${actual}, expected ${wanted}`;
    };
  });
}

function outcomeCheck(e: Expectation): Check | null {
  const want = e.outcome;
  if (want === undefined) return null;
  const effect = typeof want === 'string' ? want : want.effect;
  const code = typeof want === 'string' ? undefined : want.code;
  return (c) => {
    const got = c.outcome;
    if (got?.effect === effect && (code === undefined || got.code === code)) return null;
    const is = got === null ? 'none' : got.code === undefined ? got.effect : `${got.effect} ${got.code}`;
    return `outcome is ${is}, expected ${code === undefined ? effect : `${effect} ${code}`}`;
  };
}

/** The checks of one expectation, in the order a person reads them (dialect, command, body, answer). */
function checksOf(e: Expectation): Check[] {
  const checks: Check[] = [];
  const dialect = e.dialect ?? 'any';
  if (dialect !== 'any')
    checks.push((c) => (c.dialect === dialect ? null : `dialect is ${c.dialect}, expected ${dialect}`));
  const command = commandMatcher(e.command);
  checks.push((c) => (command(c.command) ? null : `command is ${c.command ?? 'unknown'}, expected ${e.command}`));
  checks.push(...whereChecks(e));
  const outcome = outcomeCheck(e);
  if (outcome) checks.push(outcome);
  if (e.decidedBy !== undefined) {
    const by = commandMatcher(e.decidedBy);
    checks.push((c) => (by(c.decidedBy) ? null : `decided by ${c.decidedBy ?? 'nobody yet'}, expected ${e.decidedBy}`));
  }
  return checks;
}

function range(e: Expectation): { min: number; max: number | null } {
  if (e.count === undefined) return { min: 1, max: null };
  if (typeof e.count === 'number') return { min: e.count, max: e.count };
  return { min: e.count.min ?? 0, max: e.count.max ?? null };
}

/**
 * Checks an expectation file against captures (oldest first) and, for `flows`, the flows derived from them.
 * Pure: the engine (`POST /api/verify`) and the CLI (`verify --session`) run this one function.
 */
export function verifyExpectations(
  file: ExpectFile,
  captures: readonly VerifyCapture[],
  flows: readonly Flow[],
): VerifyResponse {
  const flowKeys = new Map<VerifyCapture, Set<string>>();
  const keysOf = (c: VerifyCapture): Set<string> => {
    let keys = flowKeys.get(c);
    if (keys === undefined) {
      keys = new Set(flowKeysOf(c.dialect, c.command, c.body).map((k) => k.key));
      flowKeys.set(c, keys);
    }
    return keys;
  };
  const matchedById = new Map<string, VerifyCapture[]>();
  const results: VerifyResult[] = file.expect.map((e, index) => {
    const id = e.id ?? `#${index + 1}`;
    const checks = checksOf(e);
    if (e.after !== undefined) checks.push(afterCheck(e, matchedById.get(e.after) ?? [], keysOf));
    const matched: VerifyCapture[] = [];
    const misses: { capture: VerifyCapture; why: string[] }[] = [];
    for (const capture of captures) {
      const why: string[] = [];
      for (const check of checks) {
        const failed = check(capture);
        if (failed !== null) why.push(failed);
      }
      if (why.length === 0) matched.push(capture);
      else misses.push({ capture, why });
    }
    matchedById.set(id, matched);
    return judge(id, e, matched, misses);
  });
  if (file.flows?.noMissing) results.push(noMissing(flows));
  if (file.flows?.noUnexpected) results.push(noUnexpected(flows));
  return { ok: results.every((r) => r.met), results };
}

function afterCheck(e: Expectation, earlier: VerifyCapture[], keysOf: (c: VerifyCapture) => Set<string>): Check {
  const within = e.within;
  return (c) => {
    const mine = keysOf(c);
    let nearest: number | null = null;
    for (const before of earlier) {
      if (before === c || before.receivedAt > c.receivedAt) continue;
      if (![...keysOf(before)].some((k) => mine.has(k))) continue;
      const gap = c.receivedAt - before.receivedAt;
      if (nearest === null || gap < nearest) nearest = gap;
    }
    if (nearest === null) return `no earlier "${e.after}" capture in the same flow`;
    if (within !== undefined && nearest > within)
      return `${nearest} ms after "${e.after}", expected within ${within} ms`;
    return null;
  };
}

function judge(
  id: string,
  e: Expectation,
  matched: VerifyCapture[],
  misses: { capture: VerifyCapture; why: string[] }[],
): VerifyResult {
  const { min, max } = range(e);
  const n = matched.length;
  const result: VerifyResult = {
    id,
    met: n >= min && (max === null || n <= max),
    count: n,
    captureIds: matched.map((c) => c.id),
  };
  if (result.met) return result;
  if (max !== null && n > max) {
    result.problem = `${n} captures matched, at most ${max} expected`;
    return result;
  }
  result.problem = n === 0 ? 'no capture matched' : `${n} captures matched, at least ${min} expected`;
  result.closest = misses
    .sort((a, b) => a.why.length - b.why.length || b.capture.receivedAt - a.capture.receivedAt)
    .slice(0, CLOSEST)
    .map(
      ({ capture, why }): VerifyNearMiss => ({
        captureId: capture.id,
        seq: capture.seq,
        command: capture.command,
        receivedAt: capture.receivedAt,
        why,
      }),
    );
  return result;
}

function noMissing(flows: readonly Flow[]): VerifyResult {
  const missing = flows.flatMap((f) => f.expected.filter((x) => x.status === 'missing').map((x) => ({ f, x })));
  const pending = flows.some((f) => f.expected.some((x) => x.status === 'pending'));
  const result: VerifyResult = {
    id: 'flows.noMissing',
    met: missing.length === 0 && !pending,
    count: missing.length,
    captureIds: missing.map(({ x }) => x.afterCaptureId),
  };
  if (missing.length > 0) {
    result.problem = missing
      .map(({ f, x }) => `${f.parties.join(' ↔ ')}: ${x.command} never came (${x.reasons[0] ?? 'no reason known'})`)
      .join('; ');
  } else if (pending) {
    result.problem = 'an expected step is still pending (not yet due)';
    result.pending = true;
  }
  return result;
}

function noUnexpected(flows: readonly Flow[]): VerifyResult {
  const steps = flows.flatMap((f) => f.steps.filter((s) => s.unexpected).map((s) => ({ f, s })));
  const result: VerifyResult = {
    id: 'flows.noUnexpected',
    met: steps.length === 0,
    count: steps.length,
    captureIds: steps.map(({ s }) => s.captureId),
  };
  if (steps.length > 0)
    result.problem = steps
      .map(({ f, s }) => `${f.parties.join(' ↔ ')}: #${s.seq} ${s.command} ${s.note ?? ''}`.trim())
      .join('; ');
  return result;
}
