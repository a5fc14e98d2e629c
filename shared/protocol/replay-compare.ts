import type { Outcome } from '../contract/capture.js';
import type { ReplayAnswer, ReplayItem, ReplaySummary } from '../contract/send.js';
import { isObject, safeStringify } from './json.js';

/**
 * What a person sees of an outcome, with the request's own values taken out of the rewrite: a remark or list the
 * server is told to set to what it already has (the set-remark echo) rewrites nothing. Two outcomes are "the same"
 * for a regression check when this is the same (issue 23 problem 3: "proceeds → proceeds" is not a change).
 */
function visibleOutcome(o: Outcome | null, requestBody: unknown): string {
  if (o === null || !o.rewrite) return describeOutcome(o);
  const rewrite = { ...o.rewrite };
  const own = isObject(requestBody) ? requestBody : {};
  if (rewrite.remark !== undefined && rewrite.remark === own.remark) delete rewrite.remark;
  if (
    rewrite.friendUserIDs !== undefined &&
    safeStringify(rewrite.friendUserIDs) === safeStringify(own.friendUserIDs ?? null)
  )
    delete rewrite.friendUserIDs;
  return describeOutcome({ ...o, rewrite });
}

/**
 * How an exchange failed without an answer, in the inspector's own words: a recorded fault `close` and a client's
 * "socket hang up" or "connection reset" are the same failure told differently, and are not a change.
 */
function failureKind(error: string | undefined): string {
  const text = (error ?? '').toLowerCase();
  if (/close|reset|hang up|econnreset|epipe/.test(text)) return 'closed';
  if (/timeout|timed out|no-response|no answer/.test(text)) return 'timeout';
  if (/refused|econnrefused/.test(text)) return 'refused';
  return text;
}

/** JSON text with object keys sorted, so key order and whitespace do not count as a change. Iterative. */
function canonical(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `text:${text}`;
  }
  return `json:${safeStringify(value, (_key, v) => {
    if (!isObject(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = v[k];
    return sorted;
  })}`;
}

function sameAnswer(a: ReplayAnswer, b: ReplayAnswer): boolean {
  if (a.status !== b.status) return false;
  if (a.status === null) return failureKind(a.error) === failureKind(b.error);
  return a.bodyText === b.bodyText || canonical(a.bodyText) === canonical(b.bodyText);
}

/**
 * Same / answer changed / outcome changed, with what changed in words. An outcome change is one a person can see
 * (effect, code, blocked targets, applied rewrite), so its reason always shows two different sides. The CLI's
 * exit code and the window's report both come from here.
 */
export function compareReplay(
  recorded: ReplayAnswer,
  replayed: ReplayAnswer,
  requestBody?: unknown,
): { verdict: 'same' | 'answer-changed' | 'outcome-changed'; reason?: string } {
  const before = visibleOutcome(recorded.outcome, requestBody);
  const after = visibleOutcome(replayed.outcome, requestBody);
  if (before !== after) return { verdict: 'outcome-changed', reason: `${before} → ${after}` };
  if (!sameAnswer(recorded, replayed)) {
    const what =
      recorded.status !== replayed.status
        ? `status ${recorded.status ?? 'none'} → ${replayed.status ?? 'none'}`
        : 'the answer body differs';
    return { verdict: 'answer-changed', reason: what };
  }
  return { verdict: 'same' };
}

/** "blocked 5001", "proceeds (remark rewritten)", "partial: id2 blocked 38001". */
export function describeOutcome(o: Outcome | null): string {
  if (o === null) return 'no outcome';
  const parts: string[] = [o.effect];
  if (o.code !== undefined) parts.push(String(o.code));
  const blocked = (o.targets ?? []).filter((t) => t.effect === 'blocked');
  if (o.effect === 'partial' && blocked.length > 0) {
    parts.push(`(${blocked.map((t) => `${t.account} blocked${t.code !== undefined ? ` ${t.code}` : ''}`).join(', ')})`);
  }
  if (o.rewrite?.remark !== undefined) parts.push(`(remark → ${JSON.stringify(o.rewrite.remark)})`);
  if (o.rewrite?.friendUserIDs !== undefined) parts.push(`(list → ${o.rewrite.friendUserIDs.length} users)`);
  return parts.join(' ');
}

export function summarizeReplay(items: readonly Pick<ReplayItem, 'verdict'>[]): ReplaySummary {
  const summary: ReplaySummary = { total: items.length, same: 0, answerChanged: 0, outcomeChanged: 0, skipped: 0 };
  for (const item of items) {
    if (item.verdict === 'same') summary.same++;
    else if (item.verdict === 'answer-changed') summary.answerChanged++;
    else if (item.verdict === 'outcome-changed') summary.outcomeChanged++;
    else summary.skipped++;
  }
  return summary;
}
