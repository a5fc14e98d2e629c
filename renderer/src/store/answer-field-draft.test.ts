import { describe, expect, it } from 'vitest';
import { parseAnswerFields } from './answer-field-draft.js';
import { buildDecision, emptyDraft } from './decision-draft.js';

const ctx = { denyCode: 5001, denyMessage: 'denied', targets: [] };

describe('answer fields in the draft', () => {
  it('types each field by its kind and leaves empty ones out', () => {
    expect(
      parseAnswerFields({
        content: { kind: 'string', text: '{"content":"hi"}' },
        status: { kind: 'number', text: '2' },
        options: { kind: 'json', text: '{"history":false}' },
        recvID: { kind: 'string', text: '' },
      }),
    ).toEqual({ ok: true, values: { content: '{"content":"hi"}', status: 2, options: { history: false } } });
  });

  it('names the field whose text is wrong', () => {
    expect(parseAnswerFields({ MsgBody: { kind: 'json', text: '[{' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^MsgBody is not valid JSON/),
    });
    expect(parseAnswerFields({ status: { kind: 'number', text: 'two' } })).toEqual({
      ok: false,
      error: 'status must be a number, got "two"',
    });
  });

  it('merges the fields into the Decision rewrite beside the remark', () => {
    const draft = {
      ...emptyDraft(),
      rewriteRemark: true,
      remark: 'Frank',
      answerFields: { ex: { kind: 'string' as const, text: 'x' } },
    };
    expect(buildDecision(draft, ctx)).toEqual({
      ok: true,
      decision: { verdict: 'allow', rewrite: { remark: 'Frank', ex: 'x' } },
    });
    const broken = { ...emptyDraft(), answerFields: { MsgBody: { kind: 'json' as const, text: '[' } } };
    expect(buildDecision(broken, ctx)).toMatchObject({ ok: false });
  });
});
