import type { Rule } from '../../../shared/contract/index.js';
import { validateRules } from '../../../shared/rules/index.js';
import type { ProblemDetail } from './http-io.js';

export type RulesCheck = { ok: true; rules: Rule[] } | { ok: false; errors: ProblemDetail[] };

/**
 * Checks a rule list (rules file, `PUT /api/rules`) and lists every problem with its path. One function for the
 * CLI and the API so both report the same problems (schema, duplicate ids, bad regexes).
 */
export function checkRules(input: unknown): RulesCheck {
  const result = validateRules(input);
  if (result.ok) return { ok: true, rules: result.rules };
  return {
    ok: false,
    errors: result.errors.map((e) => ({ path: e.path === '' ? '(root)' : e.path, message: e.message })),
  };
}
