import { describe, expect, it } from 'vitest';
import { buildAnswer } from '../../answer.js';
import { checkAnswer } from '../../answer-check.js';
import { identify } from '../../identify.js';
import type { IncomingRequest, OutcomeInput, ValidationContext } from '../../types.js';
import { validate } from '../../validate.js';

/**
 * The request example of the page "Before a One-to-One Message Is Sent"
 * (https://intl.cloud.tencent.com/document/product/1047/34364), typed by hand with its comments removed (not the
 * catalogue's sample).
 */
const PAGE_BODY = `{
  "CallbackCommand": "C2C.CallbackBeforeSendMsg",
  "From_Account": "jared",
  "To_Account": "Jonh",
  "MsgSeq": 48374,
  "MsgRandom": 2837546,
  "MsgTime": 1557481126,
  "MsgKey": "48374_2837546_1557481126",
  "OnlineOnlyFlag": 1,
  "MsgBody": [{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "red packet" } }],
  "CloudCustomData": "your cloud custom data"
}`;

const ctx: ValidationContext = { sdkAppId: 1400000000, token: null, maxClockSkewS: 60, nowMs: 1_557_481_127_000 };
const QUERY = {
  SdkAppid: '1400000000',
  CallbackCommand: 'C2C.CallbackBeforeSendMsg',
  contenttype: 'json',
  ClientIP: '127.0.0.1',
  OptPlatform: 'iOS',
};
const request = (body: unknown): IncomingRequest => ({ method: 'POST', path: '/', query: QUERY, headers: {}, body });
const problems = (body: unknown) => {
  const r = request(body);
  return validate(r, identify(r), ctx).filter((f) => f.level !== 'info');
};

const answered = (bodyText: string): OutcomeInput => ({
  dialect: 'tencent',
  command: 'C2C.CallbackBeforeSendMsg',
  phase: 'before',
  requestBody: JSON.parse(PAGE_BODY),
  sent: { action: 'respond', status: 200, bodyText },
  elapsedMs: 5,
  serverTimeoutMs: 2000,
  profile: { dialect: 'tencent', policy: 'fail-open' },
});

describe('C2C.CallbackBeforeSendMsg (row in tencent/catalogue/c2c.ts)', () => {
  it('finds nothing wrong in the page example', () => {
    expect(problems(JSON.parse(PAGE_BODY))).toEqual([]);
  });

  it('names the field whose JSON type is wrong', () => {
    for (const [field, value] of [
      ['MsgSeq', '48374'],
      ['To_Account', 42],
      ['MsgBody', { MsgType: 'TIMTextElem' }],
      ['CloudCustomData', 7],
    ] as const) {
      const found = problems({ ...JSON.parse(PAGE_BODY), [field]: value });
      expect(
        found.map((f) => [f.level, f.code, f.path]),
        field,
      ).toEqual([['error', 'wrong-type', field]]);
    }
    expect(problems({ ...JSON.parse(PAGE_BODY), MsgTime: 1557481126000 }).map((f) => f.path)).toEqual(['MsgTime']);
  });

  it('denies with ErrorCode on an "OK" answer: 1 by default, a code of the 120001–130000 range as given', () => {
    const id = identify(request(JSON.parse(PAGE_BODY)));
    const deny = buildAnswer(id, JSON.parse(PAGE_BODY), { verdict: 'deny', message: 'no red packets' });
    expect(JSON.parse(deny.bodyText)).toEqual({ ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: 'no red packets' });
    const custom = buildAnswer(id, JSON.parse(PAGE_BODY), { verdict: 'deny', code: 120_005 });
    expect(JSON.parse(custom.bodyText)).toMatchObject({ ActionStatus: 'OK', ErrorCode: 120_005 });
    expect(checkAnswer(answered(custom.bodyText)).outcome).toMatchObject({ effect: 'blocked', code: 120_005 });
    const allow = buildAnswer(id, JSON.parse(PAGE_BODY), { verdict: 'allow' });
    expect(checkAnswer(answered(allow.bodyText))).toMatchObject({ findings: [], outcome: { effect: 'proceeds' } });
  });

  it('reports the message body the answer puts in its place', () => {
    const body =
      '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"***"}}]}';
    const { outcome } = checkAnswer(answered(body));
    expect(outcome.effect).toBe('proceeds');
    expect(outcome.rewrite).toEqual({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }] });
  });

  it('flags an ErrorCode the page does not document', () => {
    const { findings } = checkAnswer(answered('{"ActionStatus":"OK","ErrorCode":38001,"ErrorInfo":""}'));
    expect(findings.map((f) => f.code)).toContain('answer-error-code');
  });
});
