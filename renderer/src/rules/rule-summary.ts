import type { Decision, Rule } from '../../../shared/contract/index.js';

/** What an answer rule sends, truthfully: per-target verdicts, rewrites, faults and raw answers included. */
export function describeRuleDecision(decision: Decision): string {
  if (decision.raw) return `exact answer (HTTP ${decision.raw.status})`;
  if (decision.fault) {
    const status = decision.fault.type === 'http-status' ? ` ${decision.fault.status ?? 500}` : '';
    return `fault: ${decision.fault.type}${status}`;
  }
  const verdict = (v: 'allow' | 'deny', code: number | undefined) =>
    v === 'deny' ? `deny${code !== undefined ? ` ${code}` : ''}` : 'allow';
  const targets = Object.entries(decision.targets ?? {});
  const parts: string[] = [];
  if (targets.length > 0) {
    // "allow; deny id2 38002": the targets named get their own verdict, everyone else the overall one.
    const named = targets.map(([account, t]) => `${verdict(t.verdict, t.code ?? decision.code)} ${account}`);
    parts.push(`${named.join(', ')}; others ${verdict(decision.verdict, decision.code)}`);
  } else parts.push(verdict(decision.verdict, decision.code));
  if (decision.rewrite?.remark !== undefined) parts.push(`remark → ${JSON.stringify(decision.rewrite.remark)}`);
  if (decision.rewrite?.friendUserIDs !== undefined) parts.push('friend list rewritten');
  if (decision.override) parts.push(`override ${Object.keys(decision.override).join(', ')}`);
  if (decision.delayMs) parts.push(`after ${decision.delayMs} ms`);
  return parts.join(' · ');
}

/** One line per rule in the list: what it matches, then what it does. */
export function ruleSummary(rule: Rule): string {
  const { action: act } = rule;
  const action =
    act.type === 'answer'
      ? describeRuleDecision(act.decision)
      : act.type === 'forward'
        ? `forward to ${act.url ?? 'the upstream backend'}`
        : 'hold';
  const where = rule.match.where.map(
    (w) => `${w.path} ${w.op}${w.value !== undefined ? ` ${JSON.stringify(w.value)}` : ''}`,
  );
  return [`${rule.match.dialect} · ${rule.match.command ?? 'any command'}`, ...where, `→ ${action}`].join(' · ');
}
