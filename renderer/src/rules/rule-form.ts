import type { Capture, Condition } from '../../../shared/contract/index.js';

/** Editor helpers: the raw JSON text is the source of truth; the form reads and rewrites it. */
export type RuleObject = Record<string, unknown>;

export function parseRuleText(text: string): { ok: true; value: RuleObject } | { ok: false; error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, error: 'A rule is a JSON object' };
    // Checked just above: a plain object.
    return { ok: true, value: value as RuleObject };
  } catch (error) {
    return { ok: false, error: `Invalid JSON: ${(error as Error).message}` };
  }
}

const obj = (v: unknown): RuleObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as RuleObject) : {}; // plain-object check above

export function getMatch(rule: RuleObject): RuleObject {
  return obj(rule.match);
}

export function getAction(rule: RuleObject): RuleObject {
  return obj(rule.action);
}

export function getDecision(rule: RuleObject): RuleObject {
  return obj(getAction(rule).decision);
}

export function getConditions(rule: RuleObject): Condition[] {
  const where = getMatch(rule).where;
  return Array.isArray(where) ? (where as Condition[]) : []; // shape is re-validated by the schema on save
}

export function withMatch(rule: RuleObject, patch: RuleObject): RuleObject {
  const match = { ...getMatch(rule), ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete match[k];
  return { ...rule, match };
}

export function withDecision(rule: RuleObject, patch: RuleObject): RuleObject {
  const decision = { ...getDecision(rule), ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete decision[k];
  return { ...rule, action: { type: 'answer', decision } };
}

/** Condition value as typed text: `in` lists are comma-separated, other values shown as strings or JSON. */
export function conditionValueText(c: Condition): string {
  if (Array.isArray(c.value)) return c.value.map(String).join(', ');
  if (c.value === undefined) return '';
  return typeof c.value === 'string' ? c.value : JSON.stringify(c.value);
}

export function conditionFromText(path: string, op: Condition['op'], text: string): Condition {
  if (op === 'exists') return { path, op };
  if (op === 'in')
    return {
      path,
      op,
      value: text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    };
  return { path, op, value: text };
}

/**
 * "Add rule": starts from the selected capture's dialect and command with allow (the safe answer), else any
 * command; the id is unique in `taken`.
 */
export function newRuleSeed(
  selected: Pick<Capture, 'dialect' | 'command'> | null,
  taken: ReadonlySet<string>,
): RuleObject {
  let n = taken.size + 1;
  while (taken.has(`rule-${n}`)) n++;
  const dialect = selected && selected.dialect !== 'unknown' ? selected.dialect : 'any';
  return {
    id: `rule-${n}`,
    name: '',
    enabled: true,
    match: { dialect, ...(selected?.command ? { command: selected.command } : {}), where: [] },
    action: { type: 'answer', decision: { verdict: 'allow' } },
    times: null,
  };
}

export const toText = (rule: unknown): string => JSON.stringify(rule, null, 2);
