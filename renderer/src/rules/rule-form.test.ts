import { describe, expect, it } from 'vitest';
import {
  conditionFromText,
  conditionValueText,
  localIssues,
  parseRuleText,
  withDecision,
  withMatch,
} from './rule-form.js';

describe('rule form helpers', () => {
  it('parses rule JSON and explains bad input', () => {
    expect(parseRuleText('{"id":"a"}')).toEqual({ ok: true, value: { id: 'a' } });
    expect(parseRuleText('[]').ok).toBe(false);
    expect(parseRuleText('{').ok).toBe(false);
  });

  it('reports schema problems with their path', () => {
    const issues = localIssues({ id: 'bad id', action: { type: 'answer', decision: { verdict: 'deny' } } });
    expect(issues.some((i) => i.startsWith('id: '))).toBe(true);
  });

  it('edits match and decision without losing other fields; undefined removes a field', () => {
    const rule = { id: 'r', match: { dialect: 'any', command: 'x', where: [] }, action: { type: 'hold' } };
    expect(withMatch(rule, { command: undefined }).match).toEqual({ dialect: 'any', where: [] });
    expect(withDecision(rule, { verdict: 'deny', code: 5002 }).action).toEqual({
      type: 'answer',
      decision: { verdict: 'deny', code: 5002 },
    });
  });

  it('turns typed condition values into the right shape per operator', () => {
    expect(conditionFromText('p', 'in', 'a, b,,c')).toEqual({ path: 'p', op: 'in', value: ['a', 'b', 'c'] });
    expect(conditionFromText('p', 'exists', 'ignored')).toEqual({ path: 'p', op: 'exists' });
    expect(conditionValueText({ path: 'p', op: 'in', value: ['a', 'b'] })).toBe('a, b');
  });
});
