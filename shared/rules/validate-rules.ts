import { ConditionSchema, type Rule, RuleListSchema } from '../contract/rule.js';
import { decisionProblems } from '../protocol/answer.js';
import { catalogue } from '../protocol/catalogue.js';
import { MAX_JSON_DEPTH, valueDeeperThan } from '../protocol/json.js';
import type { CommandInfo } from '../protocol/types.js';
import { compileCondition } from './conditions.js';
import { commandMatcher } from './glob.js';

export interface RuleError {
  /** Where the problem is, e.g. `[0].match.where[1].value`. */
  path: string;
  message: string;
}

export type ValidateRulesResult = { ok: true; rules: Rule[] } | { ok: false; errors: RuleError[] };

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out.startsWith('.') ? out.slice(1) : out;
}

/**
 * Validates a rule list (rules file, `PUT /api/rules`): the schema, then what the schema cannot see —
 * path syntax, regexes that do not compile, values the op needs. Defaults are filled in on success.
 */
export function validateRules(input: unknown): ValidateRulesResult {
  // A decision nested this deep could not be serialised into an answer (or a capture) later.
  if (valueDeeperThan(input)) {
    return { ok: false, errors: [{ path: '', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }] };
  }
  const parsed = RuleListSchema.safeParse(input);
  const errors: RuleError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  // Checked on the raw input too, so one answer lists schema and regex mistakes together.
  if (Array.isArray(input)) {
    input.forEach((rule: unknown, r) => {
      const where: unknown = (rule as { match?: { where?: unknown } } | null)?.match?.where; // probing unknown JSON
      if (!Array.isArray(where)) return;
      where.forEach((raw: unknown, c) => {
        const condition = ConditionSchema.safeParse(raw);
        if (!condition.success) return;
        const compiled = compileCondition(condition.data);
        if (!compiled.ok) errors.push({ path: `[${r}].match.where[${c}].${compiled.field}`, message: compiled.error });
      });
    });
  }
  if (parsed.success) {
    parsed.data.forEach((rule, r) => {
      if (rule.action.type !== 'answer') return;
      for (const p of decisionProblems(rule.action.decision, commandsMatched(rule))) {
        errors.push({ path: `[${r}].action.decision.${p.path}`, message: p.message });
      }
    });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, rules: parsed.data };
}

/**
 * `validateRules` with the root written `(root)`, as every 400's `details` and the CLI write paths. One function for
 * the rules file and `PUT /api/rules`, so both report the same problems (schema, duplicate ids, bad regexes).
 */
export function checkRules(input: unknown): ValidateRulesResult {
  const result = validateRules(input);
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((e) => (e.path === '' ? { ...e, path: '(root)' } : e)) };
}

/**
 * The catalogue commands a rule can answer: its dialect, its exact name or glob. A rule may rewrite the answer fields
 * of any command it matches (issue 21); one naming an unknown command matches none and is not checked.
 */
function commandsMatched(rule: Rule): CommandInfo[] {
  const matches = commandMatcher(rule.match.command);
  return catalogue.filter((c) => (rule.match.dialect === 'any' || c.dialect === rule.match.dialect) && matches(c.name));
}
