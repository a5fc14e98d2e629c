import { z } from 'zod';
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

/** A problem at a path of the rule list, as zod writes paths. */
interface RuleIssue {
  path: PropertyKey[];
  message: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out.startsWith('.') ? out.slice(1) : out;
}

/**
 * Checks a rule list: the schema, then what the schema cannot see — path syntax, regexes that do not compile,
 * values the op needs. Every problem at once; the rules with defaults filled in when there is none.
 */
function checkRuleList(input: unknown): { rules: Rule[]; issues: null } | { rules: null; issues: RuleIssue[] } {
  // A decision nested this deep could not be serialised into an answer (or a capture) later.
  if (valueDeeperThan(input))
    return { rules: null, issues: [{ path: [], message: `nested deeper than ${MAX_JSON_DEPTH} levels` }] };
  const parsed = RuleListSchema.safeParse(input);
  const issues: RuleIssue[] = parsed.success ? [] : parsed.error.issues.map(({ path, message }) => ({ path, message }));
  // Checked on the raw input too, so one answer lists schema and regex mistakes together.
  if (Array.isArray(input)) {
    input.forEach((rule: unknown, r) => {
      const where: unknown = (rule as { match?: { where?: unknown } } | null)?.match?.where; // probing unknown JSON
      if (!Array.isArray(where)) return;
      where.forEach((raw: unknown, c) => {
        const condition = ConditionSchema.safeParse(raw);
        if (!condition.success) return;
        const compiled = compileCondition(condition.data);
        if (!compiled.ok) issues.push({ path: [r, 'match', 'where', c, compiled.field], message: compiled.error });
      });
    });
  }
  if (parsed.success) {
    parsed.data.forEach((rule, r) => {
      if (rule.action.type !== 'answer') return;
      for (const p of decisionProblems(rule.action.decision, commandsMatched(rule))) {
        issues.push({ path: [r, 'action', 'decision', p.path], message: p.message });
      }
    });
  }
  if (!parsed.success || issues.length > 0) return { rules: null, issues };
  return { rules: parsed.data, issues: null };
}

/** Validates a rule list (rules file, the window's rule form); defaults are filled in on success. */
export function validateRules(input: unknown): ValidateRulesResult {
  const { rules, issues } = checkRuleList(input);
  if (rules) return { ok: true, rules };
  return { ok: false, errors: issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
}

/**
 * `validateRules` with the root written `(root)`, as every 400's `details` and the CLI write paths. One check for
 * the rules file and `PUT /api/rules` (whose body schema is `RulesBodySchema`), so both report the same problems.
 */
export function checkRules(input: unknown): ValidateRulesResult {
  const result = validateRules(input);
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((e) => (e.path === '' ? { ...e, path: '(root)' } : e)) };
}

/** The body of `PUT /api/rules`: the whole rule list, checked as `checkRules` does (schema, paths, regexes). */
export const RulesBodySchema = z.unknown().transform((input, ctx): Rule[] => {
  const { rules, issues } = checkRuleList(input);
  if (rules) return rules;
  for (const { path, message } of issues) ctx.addIssue({ code: 'custom', path, message });
  return z.NEVER;
});

/**
 * The catalogue commands a rule can answer: its dialect, its exact name or glob. A rule may rewrite the answer fields
 * of any command it matches (issue 21); one naming an unknown command matches none and is not checked.
 */
function commandsMatched(rule: Rule): CommandInfo[] {
  const matches = commandMatcher(rule.match.command);
  return catalogue.filter((c) => (rule.match.dialect === 'any' || c.dialect === rule.match.dialect) && matches(c.name));
}
