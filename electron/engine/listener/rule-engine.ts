import type { Decision, Rule, RuleWithStats } from '../../../shared/contract/index.js';
import { type CompiledRule, compileRule, type MatchContext } from '../../../shared/rules/index.js';

export { type RuleError, type ValidateRulesResult, validateRules } from '../../../shared/rules/index.js';

export type RuleMatch =
  | { type: 'answer'; ruleId: string; decision: Decision }
  | { type: 'hold'; ruleId: string }
  | { type: 'forward'; ruleId: string; url?: string };

interface Slot {
  compiled: CompiledRule;
  hits: number;
  remaining: number | null;
}

/**
 * The ordered rule list with its counters. `match` is the only per-request call: it consumes one use of
 * a rule with `times` and counts a hit. Counters survive `setRules` for rules whose id and `times` are unchanged.
 */
export class RuleEngine {
  private slots: Slot[] = [];

  constructor(rules: readonly Rule[] = []) {
    this.setRules(rules);
  }

  setRules(rules: readonly Rule[]): void {
    const previous = new Map(this.slots.map((s) => [s.compiled.rule.id, s]));
    this.slots = rules.map((rule) => {
      const old = previous.get(rule.id);
      const sameTimes = old !== undefined && old.compiled.rule.times === rule.times;
      return {
        compiled: compileRule(rule),
        hits: old?.hits ?? 0,
        remaining: sameTimes ? old.remaining : rule.times,
      };
    });
  }

  rules(): Rule[] {
    return this.slots.map((s) => s.compiled.rule);
  }

  withStats(): RuleWithStats[] {
    return this.slots.map((s) => ({ ...s.compiled.rule, hits: s.hits, remaining: s.remaining }));
  }

  /** The first enabled, not used-up rule that matches (answer rules only when `answersOnly`); counts the use. */
  match(ctx: MatchContext, answersOnly = false): RuleMatch | null {
    for (const slot of this.slots) {
      const { rule } = slot.compiled;
      if (!rule.enabled || slot.remaining === 0) continue;
      if (answersOnly && rule.action.type !== 'answer') continue;
      if (!slot.compiled.matches(ctx)) continue;
      slot.hits += 1;
      if (slot.remaining !== null) slot.remaining -= 1;
      const { action } = rule;
      if (action.type === 'answer') return { type: 'answer', ruleId: rule.id, decision: action.decision };
      if (action.type === 'forward') {
        return action.url === undefined
          ? { type: 'forward', ruleId: rule.id }
          : { type: 'forward', ruleId: rule.id, url: action.url };
      }
      return { type: 'hold', ruleId: rule.id };
    }
    return null;
  }
}
