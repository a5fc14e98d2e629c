import type { DialectOrUnknown } from '../contract/capture.js';
import type { FlowFamily } from '../contract/flow.js';
import { findCommand } from '../protocol/catalogue.js';
import { own, ownString } from '../protocol/json.js';
import { PARTY_FIELDS, type PartyShape } from './party-fields.js';

/**
 * Where a capture belongs: `kind` (pair of users, 1:1 chat, group, user) and its parties, `a ≤ b` (`b` is '' for a
 * group or a user), plus the pair's other user when the capture lists several targets (its per-target verdict
 * applies). Called once per flow the capture joins; strings come straight from the body (no key is built per capture).
 */
export type FlowKind = 'pair' | 'chat' | 'group' | 'user';
export type VisitFlow = (kind: FlowKind, family: FlowFamily, a: string, b: string, target: string | undefined) => void;

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

function pair(visit: VisitFlow, kind: FlowKind, family: FlowFamily, a: string, b: string, target?: string): void {
  if (a <= b) visit(kind, family, a, b, target);
  else visit(kind, family, b, a, target);
}

/** The first non-empty string among these fields (OpenIM and Tencent spell the same role differently per command). */
function first(body: unknown, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const v = ownString(body, field);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

function visitShape(shape: PartyShape, body: unknown, visit: VisitFlow): void {
  switch (shape.kind) {
    case 'pair': {
      const a = first(body, shape.a);
      if (a === undefined) return;
      const list = shape.list === undefined ? undefined : own(body, shape.list);
      if (Array.isArray(list) && list.length > 0) {
        for (const b of list) if (typeof b === 'string' && b !== '') pair(visit, 'pair', 'relationship', a, b);
        return;
      }
      const b = first(body, shape.b);
      if (b !== undefined) pair(visit, 'pair', 'relationship', a, b);
      return;
    }
    case 'targets': {
      const a = first(body, shape.a);
      const items = own(body, shape.list);
      if (a === undefined || !Array.isArray(items)) return;
      for (const item of items) {
        const b = own(item, 'To_Account');
        if (typeof b === 'string' && b !== '') pair(visit, 'pair', 'relationship', a, b, b);
      }
      return;
    }
    case 'pair-list': {
      const items = own(body, 'PairList');
      if (!Array.isArray(items)) return;
      for (const item of items) {
        const a = ownString(item, 'From_Account');
        const b = ownString(item, 'To_Account');
        if (a && b) pair(visit, 'pair', 'relationship', a, b);
      }
      return;
    }
    case 'conversation': {
      const group = first(body, shape.group);
      if (group !== undefined) {
        visit('group', 'message', group, '', undefined);
        return;
      }
      const a = first(body, shape.a);
      const b = first(body, shape.b);
      if (a !== undefined && b !== undefined) pair(visit, 'chat', 'message', a, b);
      return;
    }
    case 'group': {
      const group = first(body, shape.group);
      if (group !== undefined) visit('group', 'group', group, '', undefined);
      return;
    }
    case 'user': {
      const user = first(body, shape.user) ?? first(own(body, 'Info'), shape.user);
      if (user !== undefined) visit('user', 'user', user, '', undefined);
    }
  }
}

/**
 * Visits each flow a capture joins: none for a command without parties (push, conversation, unknown without
 * fields). A list naming the same pair twice visits it twice: the caller joins a flow once per capture.
 */
export function visitFlows(dialect: DialectOrUnknown, command: string | null, body: unknown, visit: VisitFlow): void {
  if (dialect === 'unknown' || command === null || typeof body !== 'object' || body === null) return;
  const shape = PARTY_FIELDS.byCommand.get(command) ?? shapeByFamily(dialect, command);
  if (shape !== undefined) visitShape(shape, body, visit);
}

/** The flows a capture joins, as keys (allocates: for `verify` and tests, not the engine's hot path). */
export function flowKeysOf(dialect: DialectOrUnknown, command: string | null, body: unknown): FlowKey[] {
  const out: FlowKey[] = [];
  visitFlows(dialect, command, body, (kind, family, a, b, target) => {
    const key = flowKey(dialect, kind, a, b);
    if (out.some((k) => k.key === key)) return;
    const fk: FlowKey = { key, family, parties: b === '' ? [a] : [a, b] };
    if (kind === 'group') fk.groupId = a;
    if (target !== undefined) fk.target = target;
    out.push(fk);
  });
  return out;
}

function shapeByFamily(dialect: 'openim' | 'tencent', command: string): PartyShape | undefined {
  const family = findCommand(command, dialect)?.family;
  if (family !== undefined) return PARTY_FIELDS.byFamily[dialect][family];
  // Not (yet) in the catalogue: the Tencent family is the name's prefix (`C2C.`, `Group.`, `Sns.`, `State.`).
  if (dialect === 'tencent') return PARTY_FIELDS.byTencentPrefix[command.slice(0, command.indexOf('.'))];
  return undefined;
}
