// product.md §4 v3 "regex rules": a size limit on the compiled program (not on the pattern's length: `[a-z]{1000}`
// is 11 characters) and at most `rules.maxMatchBytes` of a value matched. The probe: ten `[a-z]{1000}` rules were
// accepted, and four 50 KB bodies then delayed unrelated callbacks by 3.1–4.2 s.
import { describe, expect, it } from 'vitest';
import { compileRule, matchInput, validateRules } from './index.js';
import { MAX_REGEX_PROGRAM } from './regex.js';
import { MAX_REGEX_WORK, regexCost } from './regex-cost.js';

const regexRule = (pattern: string) => ({
  id: 'r',
  match: { where: [{ path: 'text', op: 'matches', value: pattern }] },
  action: { type: 'hold' },
});

describe('regex rules are bounded', () => {
  it('refuses a short pattern whose compiled program is too large, with the size in words', () => {
    const result = validateRules([regexRule('[a-z]{1000}')]);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '[0].match.where[0].value',
          message: expect.stringMatching(
            /^regular expression too large: it compiles to 1002 instructions, at most 200/,
          ),
        },
      ],
    });
    expect(validateRules([regexRule('(?:[a-z]{10}){30}')]).ok).toBe(false);
    expect(MAX_REGEX_PROGRAM).toBe(200);
  });

  it('accepts realistic patterns and the largest one under the limit', () => {
    for (const pattern of [
      '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$',
      '(?i)(spam|viagra|casino|lottery|free money)',
      '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      '[a-z]{197}[0-9]',
    ]) {
      expect(validateRules([regexRule(pattern)]).ok, pattern).toBe(true);
    }
  });

  it('matches against at most maxMatchBytes of a value (default 64 KiB)', () => {
    const result = validateRules([regexRule('TAIL')]);
    if (!result.ok) throw new Error('rule refused');
    const rule = compileRule(result.rules[0] as (typeof result.rules)[number]);
    const at = (offset: number) => ({ text: `${'x'.repeat(offset)}TAIL` });
    const ctx = (body: unknown, maxMatchBytes?: number) => ({
      dialect: 'openim' as const,
      command: 'c',
      body,
      ...(maxMatchBytes === undefined ? {} : { maxMatchBytes }),
    });
    expect(rule.matches(ctx(at(30_000)))).toBe(true);
    expect(rule.matches(ctx(at(65_532)))).toBe(true);
    expect(rule.matches(ctx(at(65_533)))).toBe(false);
    expect(rule.matches(ctx(at(100), 64))).toBe(false);
    expect(rule.matches(ctx(at(60), 64))).toBe(true);
  });

  it('cuts by UTF-8 bytes, never inside a character', () => {
    expect(matchInput('ab', 64)).toBe('ab');
    expect(matchInput('é'.repeat(100), 65)).toBe('é'.repeat(32));
    expect(matchInput('😀'.repeat(100), 10)).toBe('😀😀');
    expect(matchInput('汉'.repeat(100), 64)).toBe('汉'.repeat(21));
  });
});

// The same limit by cost, not size: `a[ab]{14}$` is 18 instructions, and its matcher has 2^15 states (100–500 ms per
// 64 KiB body in the probe, rebuilding its cache on every one).
describe('regex rules are bounded by the work of their matcher', () => {
  it('refuses patterns whose matcher explodes, naming the pattern', () => {
    for (const pattern of ['a[ab]{14}$', '[ab]*a[ab]{14}c', '\\w{190}', '(?i)[a-z]{100}x', '\\p{L}{20}x']) {
      const result = validateRules([regexRule(pattern)]);
      expect(result.ok, pattern).toBe(false);
      if (result.ok) continue;
      expect(result.errors).toEqual([
        { path: '[0].match.where[0].value', message: expect.stringContaining(`too costly: "${pattern}"`) },
      ]);
    }
  });

  it('counts the same work every time, and stops counting at the limit', () => {
    const first = regexCost('a[ab]{9}$');
    expect(first).toEqual(regexCost('a[ab]{9}$'));
    expect(first).toMatchObject({ ok: true, states: 1024 });
    expect(first?.work).toBeLessThanOrEqual(MAX_REGEX_WORK);
    const over = regexCost('a[ab]{14}$');
    expect(over?.ok).toBe(false);
    expect(over?.work).toBeLessThan(MAX_REGEX_WORK + 1_000);
    expect(regexCost('a[ab]{9}$', 1_000)?.ok).toBe(false);
  });
});
