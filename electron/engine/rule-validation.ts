import { type Rule, RuleListSchema } from '../../shared/contract/index.js';
import { type ProblemDetail, zodDetails } from './http-io.js';

export type RulesCheck = { ok: true; rules: Rule[] } | { ok: false; errors: ProblemDetail[] };

/** Checks a rule list (rules file, `PUT /api/rules`) and lists every problem with its path. */
export function checkRules(input: unknown): RulesCheck {
  const parsed = RuleListSchema.safeParse(input);
  if (parsed.success) return { ok: true, rules: parsed.data };
  return { ok: false, errors: zodDetails(parsed.error) };
}
