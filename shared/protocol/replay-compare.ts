import type { Outcome } from '../contract/capture.js';
import type { ReplayAnswer, ReplayItem, ReplaySummary } from '../contract/send.js';
import { isObject, safeStringify } from './json.js';

/**
 * What makes two outcomes "the same" for a regression check: the effect, the code the user sees, the per-target
 * verdicts and the fields the server takes from the answer. The message and explanation are words: a changed
 * message is an answer change, not an outcome change.
 */
function outcomeKey(o: Outcome | null): string {
  if (o === null) return 'none';
  const targets = (o.targets ?? []).map((t) => `${t.account}:${t.effect}:${t.code ?? ''}`).join(',');
  const rewrite = o.rewrite ? safeStringify([o.rewrite.remark ?? null, o.rewrite.friendUserIDs ?? null]) : '';
  return `${o.effect}|${o.code ?? ''}|${targets}|${rewrite}`;
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
  if (a.status === null) return (a.error ?? '') === (b.error ?? '');
  return a.bodyText === b.bodyText || canonical(a.bodyText) === canonical(b.bodyText);
}

/** Same / answer changed / outcome changed, with what changed in words. */
export function compareReplay(
  recorded: ReplayAnswer,
  replayed: ReplayAnswer,
): { verdict: 'same' | 'answer-changed' | 'outcome-changed'; reason?: string } {
  if (outcomeKey(recorded.outcome) !== outcomeKey(replayed.outcome)) {
    return {
      verdict: 'outcome-changed',
      reason: `${describeOutcome(recorded.outcome)} → ${describeOutcome(replayed.outcome)}`,
    };
  }
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
