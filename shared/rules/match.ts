import type { DialectOrUnknown } from '../contract/capture.js';
import type { Rule } from '../contract/rule.js';
import { type ConditionTest, compileCondition } from './conditions.js';
import { commandMatcher } from './glob.js';

/** What a rule is matched against: the identified request. */
export interface MatchContext {
  dialect: DialectOrUnknown;
  command: string | null;
  body: unknown;
  /** How much of a value a `matches` regex runs on (setting `rules.maxMatchBytes`); default 64 KiB. */
  maxMatchBytes?: number;
}

export interface CompiledRule {
  rule: Rule;
  matches(ctx: MatchContext): boolean;
}

/**
 * Compiles a rule once (globs and regexes built up front) so matching per request is cheap.
 * Throws on an invalid condition: rules must pass `validateRules` first.
 */
export function compileRule(rule: Rule): CompiledRule {
  const dialect = rule.match.dialect;
  const command = commandMatcher(rule.match.command);
  const tests: ConditionTest[] = rule.match.where.map((condition, i) => {
    const compiled = compileCondition(condition);
    if (!compiled.ok) throw new Error(`rule "${rule.id}" where[${i}].${compiled.field}: ${compiled.error}`);
    return compiled.test;
  });
  return {
    rule,
    matches: (ctx) =>
      (dialect === 'any' || dialect === ctx.dialect) &&
      command(ctx.command) &&
      tests.every((test) => test(ctx.body, ctx.maxMatchBytes)),
  };
}
