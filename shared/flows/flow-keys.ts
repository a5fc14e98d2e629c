import type { DialectOrUnknown } from '../contract/capture.js';
import type { FlowFamily } from '../contract/flow.js';
import { type FlowKind, type PartyVisitor, visitParties } from '../protocol/parties.js';

export type { FlowKind };

/**
 * Where a capture belongs, as the protocol reads its parties (`visitParties`: the catalogue rows' `parties`): `kind`
 * and `a ≤ b` (`b` is '' for a group or a user), the pair's other user when the capture lists several targets (its
 * per-target verdict applies), and whether the flow is joined only if it exists. Called once per flow the capture
 * joins; strings come straight from the body (no key is built per capture). Returning `false` stops the walk.
 */
export type VisitFlow = NonNullable<PartyVisitor['flow']>;

/** Which flow a capture joins, as data (tests, `verify`'s "same flow"). */
export interface FlowKey {
  key: string;
  family: FlowFamily;
  parties: string[];
  groupId?: string;
  target?: string;
}

/** `openim:pair:a|b`, `tencent:group:@TGS#1`: a flow's stable key. */
export const flowKey = (dialect: string, kind: FlowKind, a: string, b: string): string =>
  b === '' ? `${dialect}:${kind}:${a}` : `${dialect}:${kind}:${a}|${b}`;

/**
 * Visits each flow a capture joins: none for a command without parties (push, conversation, unknown). A list naming
 * the same pair twice visits it twice: the caller joins a flow once per capture.
 */
export function visitFlows(dialect: DialectOrUnknown, command: string | null, body: unknown, visit: VisitFlow): void {
  visitParties(dialect, command, body, { flow: visit });
}

/** The flows a capture joins, as keys (allocates: for `verify` and tests, not the engine's hot path). */
export function flowKeysOf(dialect: DialectOrUnknown, command: string | null, body: unknown): FlowKey[] {
  const out: FlowKey[] = [];
  visitFlows(dialect, command, body, (kind, family, a, b, target) => {
    const key = flowKey(dialect, kind, a, b);
    if (out.some((k) => k.key === key)) return true;
    const fk: FlowKey = { key, family, parties: partiesOf(kind, a, b) };
    if (kind === 'group') fk.groupId = a;
    if (target !== undefined) fk.target = target;
    out.push(fk);
    return true;
  });
  return out;
}

/** The users of a flow: both of a pair or chat, the user, the group id, a creation's creator (if named). */
export function partiesOf(kind: FlowKind, a: string, b: string): string[] {
  if (kind === 'creation') return b === '' ? [] : [b];
  return b === '' ? [a] : [a, b];
}
