import { describe, expect, it } from 'vitest';
import {
  conditionFromText,
  conditionValueText,
  newRuleSeed,
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

  it('a new rule starts from the selected capture with allow, under a free id', () => {
    const seed = newRuleSeed({ dialect: 'tencent', command: 'Sns.CallbackPrevFriendAdd' }, new Set(['rule-2']));
    expect(seed).toMatchObject({
      id: 'rule-3',
      match: { dialect: 'tencent', command: 'Sns.CallbackPrevFriendAdd', where: [] },
      action: { type: 'answer', decision: { verdict: 'allow' } },
    });
    expect(newRuleSeed(null, new Set()).match).toEqual({ dialect: 'any', where: [] });
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
