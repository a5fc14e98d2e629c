import { describe, expect, it } from 'vitest';
import { RuleSchema } from '../../../shared/contract/index.js';
import { describeRuleDecision, ruleSummary } from './rule-summary.js';

describe('rule list lines', () => {
  it('says which targets are denied instead of "allow"', () => {
    expect(describeRuleDecision({ verdict: 'allow', targets: { id2: { verdict: 'deny', code: 38002 } } })).toBe(
      'deny 38002 id2; others allow',
    );
    expect(
      describeRuleDecision({
        verdict: 'deny',
        code: 38001,
        targets: { a: { verdict: 'allow' }, b: { verdict: 'deny' } },
      }),
    ).toBe('allow a, deny 38001 b; others deny 38001');
  });

  it('names rewrites, overrides, delays, faults and raw answers', () => {
    expect(describeRuleDecision({ verdict: 'allow', rewrite: { remark: 'x' }, delayMs: 300 })).toBe(
      'allow · remark → "x" · after 300 ms',
    );
    expect(describeRuleDecision({ verdict: 'allow', fault: { type: 'http-status', status: 503 } })).toBe(
      'fault: http-status 503',
    );
    expect(describeRuleDecision({ verdict: 'allow', raw: { status: 200, bodyText: '{}' } })).toBe(
      'exact answer (HTTP 200)',
    );
  });

  it('summarises match and action', () => {
    const rule = RuleSchema.parse({
      id: 'r',
      match: { dialect: 'tencent', command: 'Sns.CallbackPrev*', where: [{ path: 'x', op: 'exists' }] },
      action: { type: 'hold' },
    });
    expect(ruleSummary(rule)).toBe('tencent · Sns.CallbackPrev* · x exists · → hold');
  });
});
