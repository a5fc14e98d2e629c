import { describe, expect, it } from 'vitest';
import { buildDecision, describeDecision, emptyDraft } from './decision-draft.js';

const openim = { denyCode: 5001, denyMessage: 'denied by app backend', targets: [] };
const tencent = { denyCode: 38001, denyMessage: 'denied by app backend', targets: ['id1', 'id2'] };

describe('buildDecision', () => {
  it('allow is just a verdict', () => {
    expect(buildDecision(emptyDraft(), openim)).toEqual({ ok: true, decision: { verdict: 'allow' } });
  });

  it('deny falls back to the dialect defaults and keeps a typed code', () => {
    const draft = { ...emptyDraft(), verdict: 'deny' as const };
    expect(buildDecision(draft, openim)).toEqual({
      ok: true,
      decision: { verdict: 'deny', code: 5001, message: 'denied by app backend' },
    });
    const typed = { ...draft, code: '5002', message: 'spam', detail: 'seen 40 times' };
    expect(buildDecision(typed, openim)).toEqual({
      ok: true,
      decision: { verdict: 'deny', code: 5002, message: 'spam', detail: 'seen 40 times' },
    });
  });

  it('rejects a code that is not a whole number', () => {
    const draft = { ...emptyDraft(), verdict: 'deny' as const, code: '50x1' };
    expect(buildDecision(draft, openim)).toEqual({ ok: false, error: 'Code must be a whole number' });
  });

  it('rewrites the remark only when asked and non-empty', () => {
    const remark = (text: string, send: boolean) => ({
      answerFields: { remark: { kind: 'string' as const, text, send } },
    });
    expect(buildDecision({ ...emptyDraft(), ...remark('x', false) }, openim)).toEqual({
      ok: true,
      decision: { verdict: 'allow' },
    });
    expect(buildDecision({ ...emptyDraft(), ...remark('', true) }, openim)).toEqual({
      ok: true,
      decision: { verdict: 'allow' },
    });
    expect(buildDecision({ ...emptyDraft(), ...remark('Frank', true) }, openim)).toEqual({
      ok: true,
      decision: { verdict: 'allow', rewrite: { remark: 'Frank' } },
    });
  });

  it('per-target verdicts carry the target deny code', () => {
    const draft = { ...emptyDraft(), targets: { id2: 'deny' as const }, targetCode: '' };
    expect(buildDecision(draft, tencent)).toEqual({
      ok: true,
      decision: {
        verdict: 'allow',
        targets: { id2: { verdict: 'deny', code: 38001, message: 'denied by app backend' } },
      },
    });
  });

  it('override must be a JSON object; faults and delay are validated', () => {
    expect(buildDecision({ ...emptyDraft(), overrideText: '[1]' }, openim).ok).toBe(false);
    expect(buildDecision({ ...emptyDraft(), overrideText: '{"errCode": 7}' }, openim)).toEqual({
      ok: true,
      decision: { verdict: 'allow', override: { errCode: 7 } },
    });
    expect(buildDecision({ ...emptyDraft(), fault: 'http-status', faultStatus: '503' }, openim)).toEqual({
      ok: true,
      decision: { verdict: 'allow', fault: { type: 'http-status', status: 503 } },
    });
    expect(buildDecision({ ...emptyDraft(), fault: 'http-status', faultStatus: '99' }, openim).ok).toBe(false);
    expect(buildDecision({ ...emptyDraft(), fault: 'reset', delayMs: '250' }, openim)).toEqual({
      ok: true,
      decision: { verdict: 'allow', fault: { type: 'reset' }, delayMs: 250 },
    });
    expect(buildDecision({ ...emptyDraft(), delayMs: '70000' }, openim).ok).toBe(false);
  });
});

describe('describeDecision', () => {
  it('gives the short answer label of the table', () => {
    expect(describeDecision({ verdict: 'allow' })).toBe('allow');
    expect(describeDecision({ verdict: 'deny', code: 5001 })).toBe('deny 5001');
    expect(describeDecision({ verdict: 'allow', fault: { type: 'reset' } })).toBe('fault: reset');
    expect(describeDecision({ verdict: 'allow', rewrite: { remark: 'x' }, delayMs: 30 })).toBe(
      'allow · remark · +30 ms',
    );
    expect(describeDecision({ verdict: 'allow', targets: { a: { verdict: 'deny' } } })).toBe('allow · 1 denied');
    expect(describeDecision({ verdict: 'allow', rewrite: { content: '{}', recvID: 'u2' } })).toBe(
      'allow · content, recvID',
    );
    expect(describeDecision({ verdict: 'allow', raw: { status: 500, bodyText: '' } })).toBe('exact answer (HTTP 500)');
  });
});
