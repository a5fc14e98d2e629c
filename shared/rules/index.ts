export {
  type CompiledCondition,
  type ConditionTest,
  compileCondition,
  DEFAULT_MAX_MATCH_BYTES,
  jsonEquals,
  matchInput,
} from './conditions.js';
export { commandMatcher, globToRegExp } from './glob.js';
export { type ParsedPath, type PathSegment, parsePath, resolvePath } from './json-path.js';
export { type CompiledRule, compileRule, type MatchContext } from './match.js';
export { checkRules, type RuleError, type ValidateRulesResult, validateRules } from './validate-rules.js';
