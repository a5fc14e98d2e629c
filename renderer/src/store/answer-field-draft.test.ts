import { describe, expect, it } from 'vitest';
import { findCommand } from '../../../shared/protocol/index.js';
import { parseAnswerFields, seedAnswerFields } from './answer-field-draft.js';
import { buildDecision, emptyDraft } from './decision-draft.js';

const ctx = { denyCode: 5001, denyMessage: 'denied', targets: [] };
const asked = (kind: 'string' | 'number' | 'boolean' | 'json', text: string) => ({ kind, text, send: true });

describe('answer fields in the draft', () => {
  it('types each field by its kind and leaves empty ones out', () => {
    expect(
      parseAnswerFields({
        content: asked('string', '{"content":"hi"}'),
        status: asked('number', '2'),
        options: asked('json', '{"history":false}'),
        recvID: asked('string', ''),
      }),
    ).toEqual({ ok: true, values: { content: '{"content":"hi"}', status: 2, options: { history: false } } });
  });

  it('sends only the fields asked for, whatever their text', () => {
    expect(
      parseAnswerFields({
        remark: { kind: 'string', text: 'old remark', send: false },
        ex: asked('string', 'x'),
        status: { kind: 'number', text: 'two', send: false },
      }),
    ).toEqual({ ok: true, values: { ex: 'x' } });
  });

  it('names the field whose text is wrong', () => {
    expect(parseAnswerFields({ MsgBody: asked('json', '[{') })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^MsgBody is not valid JSON/),
    });
    expect(parseAnswerFields({ status: asked('number', 'two') })).toEqual({
      ok: false,
      error: 'status must be a number, got "two"',
    });
  });

  it('is the whole rewrite of the Decision, by wire name', () => {
    const draft = { ...emptyDraft(), answerFields: { remark: asked('string', 'Frank'), ex: asked('string', 'x') } };
    expect(buildDecision(draft, ctx)).toEqual({
      ok: true,
      decision: { verdict: 'allow', rewrite: { remark: 'Frank', ex: 'x' } },
    });
    const broken = { ...emptyDraft(), answerFields: { MsgBody: asked('json', '[') } };
    expect(buildDecision(broken, ctx)).toMatchObject({ ok: false });
  });
});

describe('seedAnswerFields', () => {
  it("starts every answer field of the command from the request's value, none asked for", () => {
    const modify = findCommand('callbackBeforeMsgModifyCommand');
    const seeded = seedAnswerFields(modify?.answer ?? [], {
      content: '{"content":"darn it"}',
      sessionType: 1,
      recvID: 42, // not a string: no seed
    });
    expect(Object.keys(seeded)).toEqual(modify?.answer.map((a) => a.name));
    // The message body is the content's own text, not a remark (it once seeded the remark control).
    expect(seeded.content).toEqual({ kind: 'string', text: '{"content":"darn it"}', send: false });
    expect(seeded.sessionType).toEqual({ kind: 'number', text: '1', send: false });
    expect(seeded.recvID).toEqual({ kind: 'string', text: '', send: false });
    expect(seeded.options).toEqual({ kind: 'json', text: '', send: false });
    expect(buildDecision({ ...emptyDraft(), answerFields: seeded }, ctx)).toEqual({
      ok: true,
      decision: { verdict: 'allow' },
    });
  });

  it('seeds JSON fields compactly and the remark from the request', () => {
    const c2c = findCommand('C2C.CallbackBeforeSendMsg');
    const body = [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }];
    expect(seedAnswerFields(c2c?.answer ?? [], { MsgBody: body }).MsgBody).toEqual({
      kind: 'json',
      text: JSON.stringify(body),
      send: false,
    });
    const remark = findCommand('callbackBeforeSetFriendRemarkCommand');
    expect(seedAnswerFields(remark?.answer ?? [], { remark: 'old' })).toEqual({
      remark: { kind: 'string', text: 'old', send: false },
    });
  });

  it('reads own keys only and survives a body that is not an object', () => {
    const spec = { name: '__proto__', type: 'string' as const, effect: 'x', applies: 'present' as const };
    const seeded = seedAnswerFields([spec], JSON.parse('{"__proto__":"p"}'));
    expect(Object.hasOwn(seeded, '__proto__')).toBe(true);
    expect(seedAnswerFields([{ ...spec, name: 'constructor' }], {}).constructor).toEqual({
      kind: 'string',
      text: '',
      send: false,
    });
    expect(seedAnswerFields([{ ...spec, name: 'a' }], [1, 2])).toEqual({
      a: { kind: 'string', text: '', send: false },
    });
  });
});
