import { describe, expect, it } from 'vitest';
import { validateRules } from './validate-rules.js';

const base = { id: 'r1', action: { type: 'answer', decision: { verdict: 'deny', code: 5002 } } };

describe('validateRules', () => {
  it('fills defaults on a valid list', () => {
    const result = validateRules([base]);
    expect(result).toEqual({
      ok: true,
      rules: [{ ...base, name: '', enabled: true, match: { dialect: 'any', where: [] }, times: null }],
    });
  });

  it('reports an invalid regex with its exact place', () => {
    const result = validateRules([
      base,
      { id: 'r2', match: { where: [{ path: 'a', op: 'matches', value: '([a-z' }] }, action: { type: 'hold' } },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.path).toBe('[1].match.where[0].value');
      expect(result.errors[0]?.message).toMatch(/invalid regular expression/);
    }
  });

  it('reports bad paths, missing values and schema errors', () => {
    const result = validateRules([
      { ...base, match: { where: [{ path: 'a..b', op: 'exists' }] } },
      { ...base, id: 'r2', match: { where: [{ path: 'a', op: 'in', value: 'x' }] } },
      { ...base, id: 'r2' },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual([
        '[2].id',
        '[0].match.where[0].path',
        '[1].match.where[0].value',
      ]);
    }
    const schema = validateRules([base, { ...base }]);
    expect(schema.ok).toBe(false);
    if (!schema.ok) expect(schema.errors).toEqual([{ path: '[1].id', message: 'duplicate rule id "r1"' }]);
    const notList = validateRules({ rules: [] });
    expect(notList.ok).toBe(false);
    const badAction = validateRules([{ id: 'x', action: { type: 'explode' } }]);
    expect(badAction.ok).toBe(false);
    if (!badAction.ok) expect(badAction.errors[0]?.path).toBe('[0].action.type');
  });
});

describe('validateRules: regex syntax RE2 does not support', () => {
  const withPattern = (value: string) =>
    validateRules([{ id: 'r', match: { where: [{ path: 'a', op: 'matches', value }] }, action: { type: 'hold' } }]);

  it.each([
    ['(a)\\1', /backreferences/],
    ['(?<n>a)\\k<n>', /backreferences/],
    ['a(?=b)', /lookahead/],
    ['a(?!b)', /lookahead/],
    ['(?<=a)b', /lookbehind/],
    ['(?<!a)b', /lookbehind/],
  ])('names the unsupported construct in %j', (value, words) => {
    const result = withPattern(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.path).toBe('[0].match.where[0].value');
      expect(result.errors[0]?.message).toMatch(words);
      expect(result.errors[0]?.message).toMatch(/RE2/);
    }
  });

  it('accepts the patterns people write, including an escaped backslash before a digit', () => {
    for (const value of ['^(a+)+$', '^spam\\d+$', '\\\\1', '(?i)admin', '[a-z]{3,}']) {
      expect(withPattern(value).ok, value).toBe(true);
    }
  });
});

describe('validateRules: nesting', () => {
  it('refuses a rule list nested past 1000 levels instead of failing when an answer is built', () => {
    let override: unknown = 1;
    for (let i = 0; i < 5_000; i++) override = [override];
    const result = validateRules([
      { id: 'deep', action: { type: 'answer', decision: { verdict: 'allow', override: { x: override } } } },
    ]);
    expect(result).toEqual({ ok: false, errors: [{ path: '', message: 'nested deeper than 1000 levels' }] });
  });
});
