import {
  type Capture,
  type Condition,
  captureNumber,
  type Decision,
  type Rule,
  type RuleWithStats,
} from '../../../shared/contract/index.js';
import { partyPaths } from '../../../shared/protocol/parties.js';
import { commandInfo } from '../lib/protocol.js';
import { describeDecision } from '../store/decision-draft.js';

/** Rules made by "Arm" carry this id prefix: the rules list, the panel and the row recognise them by it. */
export const ARMED_PREFIX = 'armed-';

export function isArmedRuleId(id: string): boolean {
  return id.startsWith(ARMED_PREFIX);
}

/** Every string at `path` in the body: `a` → body.a; `a[].b` → the `b` of every item of body.a. */
function valuesAt(body: unknown, path: string): string[] {
  const [list, field] = path.split('[].');
  const read = (o: unknown, key: string): unknown =>
    typeof o === 'object' && o !== null && Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
  if (field === undefined) {
    const v = read(body, path);
    return typeof v === 'string' && v !== '' ? [v] : [];
  }
  const items = read(body, list ?? '');
  if (!Array.isArray(items)) return [];
  return items.map((item) => read(item, field)).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Conditions on the parties of the capture's request (from the catalogue's party fields), one per value. */
export function partyConditions(capture: Capture): Condition[] {
  const info = commandInfo(capture);
  if (!info) return [];
  return partyPaths(info).flatMap((path) =>
    valuesAt(capture.request.body, path).map((value) => ({ path, op: 'equals' as const, value })),
  );
}

function sameMatch(rule: Rule, capture: Capture): boolean {
  const where = partyConditions(capture);
  return (
    rule.match.command === (capture.command ?? undefined) &&
    rule.match.where.length === where.length &&
    rule.match.where.every((c, i) => c.path === where[i]?.path && c.value === where[i]?.value)
  );
}

/**
 * "Decide ahead" (product.md §2 v3): the decision as a one-shot rule for the next request with the same command
 * between the same parties. Put first in the list, it wins over every other rule, hold and upstream forwarding.
 */
export function armedRule(capture: Capture, decision: Decision, taken: ReadonlySet<string>): Rule {
  const base = `${ARMED_PREFIX}${captureNumber(capture)}`;
  let id = base;
  for (let n = 2; taken.has(id) && n < 10_000; n++) id = `${base}-${n}`;
  const where = partyConditions(capture);
  const names = where.map((c) => String(c.value));
  const parties = names.length > 0 ? ` ${names[0]} → ${names.slice(1).join(', ') || '?'}` : '';
  return {
    id,
    name: `Armed: ${describeDecision(decision)} for the next ${capture.command ?? 'request'}${parties}`,
    enabled: true,
    match: {
      dialect: capture.dialect === 'unknown' ? 'any' : capture.dialect,
      ...(capture.command !== null ? { command: capture.command } : {}),
      where,
    },
    action: { type: 'answer', decision },
    times: 1,
  };
}

/** The armed rule still waiting for a request like this capture's, if any. */
export function armedFor(rules: readonly RuleWithStats[], capture: Capture): RuleWithStats | null {
  return rules.find((r) => isArmedRuleId(r.id) && r.enabled && r.remaining !== 0 && sameMatch(r, capture)) ?? null;
}
