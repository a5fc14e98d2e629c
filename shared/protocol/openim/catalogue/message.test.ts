import { describe, expect, it } from 'vitest';
import { identify } from '../../identify.js';
import { predictOutcome } from '../../outcome.js';
import type { IncomingRequest, ValidationContext } from '../../types.js';
import { validate } from '../../validate.js';

/**
 * A before-send-single-message request as OpenIM v3.8.3 writes it, typed by hand from the structs (not from the
 * catalogue's sample): `pkg/callbackstruct/common.go` CommonCallbackReq (embedded first) + `pkg/callbackstruct/
 * message.go` CallbackBeforeSendSingleMsgReq, filled by `internal/rpc/msg/callback.go` toCommonCallback @ v3.8.3;
 * compact, keys in struct order, nil `atUserList` as null, trailing newline (json.Encoder).
 */
const V383_BODY =
  '{"sendID":"3045278956","callbackCommand":"callbackBeforeSendSingleMsgCommand","serverMsgID":"",' +
  '"clientMsgID":"9b5f0d1c7f5e4b1ea3c2b0a1d9e8f7c6","operationID":"1733580123456","senderPlatformID":5,' +
  '"senderNickname":"alice","sessionType":1,"msgFrom":100,"contentType":101,"status":1,"sendTime":1733580123456,' +
  '"createTime":1733580123401,"content":"{\\"content\\":\\"hello\\"}","seq":0,"atUserList":null,"faceURL":"",' +
  '"ex":"","recvID":"4209931843"}\n';

/** The same struct at v3.7.1 (pkg/callbackstruct/common.go @ v3.7.1): no `sendTime`. */
const V371_BODY = V383_BODY.replace('"sendTime":1733580123456,', '');

const ctx = (over: Partial<ValidationContext> = {}): ValidationContext => ({
  sdkAppId: null,
  token: null,
  maxClockSkewS: 60,
  nowMs: 1_733_580_124_000,
  ...over,
});
const request = (body: unknown): IncomingRequest => ({
  method: 'POST',
  path: '/callbackExample/callbackBeforeSendSingleMsgCommand',
  query: {},
  headers: {},
  body,
});
const problems = (body: unknown, c = ctx()) => {
  const r = request(body);
  return validate(r, identify(r), c).filter((f) => f.level !== 'info');
};

describe('callbackBeforeSendSingleMsgCommand (row in openim/catalogue/message.ts)', () => {
  it('finds nothing wrong in the body v3.8.3 sends, nor in the v3.7.1 one without sendTime', () => {
    expect(problems(JSON.parse(V383_BODY))).toEqual([]);
    expect(problems(JSON.parse(V371_BODY))).toEqual([]);
    expect(problems(JSON.parse(V371_BODY), ctx({ openimProfile: 'v3.6' }))).toEqual([]);
  });

  it('names the field whose JSON type is wrong', () => {
    for (const [field, value] of [
      ['sessionType', '1'],
      ['recvID', 4209931843],
      ['atUserList', 'u1'],
      ['content', { content: 'hello' }],
    ] as const) {
      const body = { ...JSON.parse(V383_BODY), [field]: value };
      const found = problems(body);
      expect(
        found.map((f) => [f.level, f.code, f.path]),
        field,
      ).toEqual([['error', 'wrong-type', field]]);
    }
  });

  it('flags a seq outside uint32 and a createTime in seconds', () => {
    const body = { ...JSON.parse(V383_BODY), seq: -1, createTime: 1733580123 };
    expect(problems(body).map((f) => f.path)).toEqual(['seq', 'createTime']);
  });

  it('is a before-callback whose deny blocks the message on v3.7+', () => {
    const r = request(JSON.parse(V383_BODY));
    const id = identify(r);
    expect(id.info).toMatchObject({ family: 'message', phase: 'before', modelled: true });
    const outcome = predictOutcome({
      dialect: 'openim',
      command: id.command,
      phase: id.phase,
      requestBody: r.body,
      sent: {
        action: 'respond',
        status: 200,
        bodyText: '{"actionCode":0,"errCode":5002,"errMsg":"spam","errDlt":"","nextCode":1}',
      },
      elapsedMs: 5,
      serverTimeoutMs: 5000,
      profile: { dialect: 'openim', version: 'v3.7+' },
    });
    expect(outcome).toMatchObject({ effect: 'blocked', code: 5002, message: 'spam' });
    expect(outcome.explanation).toContain('the message');
  });
});
