import { type Capture, captureNumber, type Rule } from '../../../shared/contract/index.js';

export interface PartyCondition {
  path: string;
  value: string;
}

/**
 * "Make this a rule": same dialect and command, a condition on the main party, and the answer that was sent
 * (a held request answered by a person becomes "answer like that next time"). The id is unique in `taken`.
 */
export function ruleFromCapture(capture: Capture, party: PartyCondition | null, taken: ReadonlySet<string>): Rule {
  const base = `from-${captureNumber(capture)}`;
  let id = base;
  for (let n = 2; taken.has(id) && n < 10_000; n++) id = `${base}-${n}`;
  const decision = capture.decision ?? { verdict: 'allow' as const };
  const verdict =
    decision.verdict === 'deny' ? `Deny${decision.code !== undefined ? ` ${decision.code}` : ''}` : 'Allow';
  return {
    id,
    name: `${verdict} ${capture.command ?? 'any command'}${party ? ` from ${party.value}` : ''}`,
    enabled: true,
    match: {
      dialect: capture.dialect === 'unknown' ? 'any' : capture.dialect,
      ...(capture.command !== null ? { command: capture.command } : {}),
      where: party ? [{ path: party.path, op: 'equals', value: party.value }] : [],
    },
    action: { type: 'answer', decision },
    times: null,
  };
}
