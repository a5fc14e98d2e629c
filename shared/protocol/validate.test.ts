import { describe, expect, it } from 'vitest';
import { sampleCommands } from './catalogue.js';
import { identify } from './identify.js';
import { buildSampleRequest } from './server-request.js';
import { tencentSign } from './tencent/sign.js';
import { EXAMPLES } from './testing/fixtures.js';
import type { IncomingRequest, ValidationContext } from './types.js';
import { validate } from './validate.js';

const NOW = 1_700_000_000_000;
const ctx = (over: Partial<ValidationContext> = {}): ValidationContext => ({
  sdkAppId: null,
  token: null,
  maxClockSkewS: 60,
  nowMs: NOW,
  ...over,
});
const req = (over: Partial<IncomingRequest>): IncomingRequest => ({
  method: 'POST',
  path: '/',
  query: {},
  headers: {},
  body: undefined,
  ...over,
});
const check = (r: IncomingRequest, c = ctx()) => validate(r, identify(r), c);
const codes = (r: IncomingRequest, c = ctx()) => check(r, c).map((f) => f.code);
const problems = (r: IncomingRequest, c = ctx()) => check(r, c).filter((f) => f.level !== 'info');

const openim = (name: string, body: unknown): IncomingRequest => req({ path: `/callbackExample/${name}`, body });
const tencent = (name: string, body: unknown, query: Record<string, string> = {}): IncomingRequest =>
  req({
    query: {
      SdkAppid: '1400000000',
      CallbackCommand: name,
      contenttype: 'json',
      ClientIP: '1.2.3.4',
      OptPlatform: 'iOS',
      ...query,
    },
    body,
  });

describe('validate: clean requests', () => {
  it('finds nothing wrong in the spec examples', () => {
    for (const [name, text] of Object.entries(EXAMPLES)) {
      const r = name.startsWith('Sns.') ? tencent(name, JSON.parse(text)) : openim(name, JSON.parse(text));
      expect(problems(r), name).toEqual([]);
    }
  });

  it('finds nothing wrong in every sample request, signed with the configured token', () => {
    for (const info of sampleCommands()) {
      const s = buildSampleRequest(info, { sdkAppId: 1400000001, token: 'tok', nowMs: NOW });
      const r = req({
        path: s.path,
        query: s.query,
        headers: s.headers,
        body: JSON.parse(s.bodyText),
        bodyText: s.bodyText,
      });
      const found = check(r, ctx({ sdkAppId: 1400000001, token: 'tok' }));
      expect(
        found.filter((f) => f.level !== 'info'),
        info.name,
      ).toEqual([]);
      if (info.dialect === 'tencent') expect(found.map((f) => f.code)).toContain('sign-valid');
    }
  });
});

describe('validate: fields', () => {
  it('reports missing fields, with a case hint', () => {
    const found = check(
      openim('callbackBeforeAddFriendAgreeCommand', {
        callbackCommand: 'callbackBeforeAddFriendAgreeCommand',
        fromUserID: 'a',
        toUserID: 'b',
        handleResult: 1,
        HandleMsg: '',
      }),
    );
    const missing = found.filter((f) => f.code === 'missing-field').map((f) => f.path);
    expect(missing).toEqual(['blackUserID', 'HandleResult']);
    expect(found.find((f) => f.path === 'HandleResult')?.message).toMatch(/handleResult/);
    expect(found.filter((f) => f.code === 'unknown-field').map((f) => f.path)).toEqual(['toUserID', 'handleResult']);
  });

  it('reports wrong JSON types', () => {
    const body = { ...JSON.parse(EXAMPLES.callbackBeforeAddFriendAgreeCommand ?? '{}'), HandleResult: '1' };
    expect(
      check(openim('callbackBeforeAddFriendAgreeCommand', body)).find((f) => f.code === 'wrong-type'),
    ).toMatchObject({
      level: 'error',
      path: 'HandleResult',
    });
    const t = { ...JSON.parse(EXAMPLES['Sns.CallbackPrevFriendAdd'] ?? '{}'), EventTime: '1631777344870' };
    expect(check(tencent('Sns.CallbackPrevFriendAdd', t)).find((f) => f.code === 'wrong-type')?.path).toBe('EventTime');
    const items = {
      ...JSON.parse(EXAMPLES['Sns.CallbackPrevFriendAdd'] ?? '{}'),
      FriendItem: [{ To_Account: 1 }, 'x'],
    };
    const paths = check(tencent('Sns.CallbackPrevFriendAdd', items))
      .filter((f) => f.code === 'wrong-type')
      .map((f) => f.path);
    expect(paths).toEqual(['FriendItem[0].To_Account', 'FriendItem[1]']);
  });

  it('accepts null lists from OpenIM (Go nil slice) but flags non-string items', () => {
    const name = 'callbackAfterImportFriendsCommand';
    expect(problems(openim(name, { callbackCommand: name, ownerUserID: 'u', friendUserIDs: null }))).toEqual([]);
    const found = check(openim(name, { callbackCommand: name, ownerUserID: 'u', friendUserIDs: ['a', 2] }));
    expect(found.find((f) => f.code === 'wrong-type')?.path).toBe('friendUserIDs[1]');
  });

  it('flags odd values: HandleResult ≠ 1, EventTime in seconds, operationID in the body', () => {
    const agree = {
      ...JSON.parse(EXAMPLES.callbackBeforeAddFriendAgreeCommand ?? '{}'),
      HandleResult: -1,
      operationID: 'op',
    };
    const c = codes(openim('callbackBeforeAddFriendAgreeCommand', agree));
    expect(c).toEqual(expect.arrayContaining(['unexpected-value', 'legacy-field']));
    const t = { ...JSON.parse(EXAMPLES['Sns.CallbackPrevFriendResponse'] ?? '{}'), EventTime: 1631777645 };
    expect(codes(tencent('Sns.CallbackPrevFriendResponse', t))).toContain('event-time-not-ms');
  });
});

describe('validate: command and dialect', () => {
  it('flags unknown, missing, legacy and mismatched commands', () => {
    expect(codes(req({ body: { callbackCommand: 'callbackAfterNothingCommand' } }))).toContain('unknown-command');
    expect(codes(req({ body: {} }))).toContain('no-command');
    const legacy = req({
      path: '/cb',
      query: { command: 'callbackBeforeSetFriendRemark' },
      body: { callbackCommand: 'callbackBeforeSetFriendRemark', ownerUserID: 'a', friendUserID: 'b', remark: '' },
    });
    expect(codes(legacy)).toEqual(expect.arrayContaining(['legacy-command', 'legacy-url']));
    expect(problems(legacy)).toEqual([]);
    const mismatch = openim('callbackBeforeAddFriendCommand', { callbackCommand: 'callbackAfterAddFriendCommand' });
    expect(check(mismatch).find((f) => f.code === 'command-mismatch')).toMatchObject({
      level: 'error',
      path: 'callbackCommand',
    });
  });

  it('flags dialect mixes', () => {
    const tq = tencent('Sns.CallbackFriendDelete', { callbackCommand: 'Sns.CallbackFriendDelete', PairList: [] });
    expect(codes(tq)).toContain('dialect-mix');
    const om = req({
      path: '/callbackExample/callbackAfterDeleteFriendCommand',
      query: { SdkAppid: '1' },
      body: { CallbackCommand: 'callbackAfterDeleteFriendCommand' },
    });
    expect(check(om).find((f) => f.code === 'dialect-mix')?.message).toMatch(/Tencent query.*CallbackCommand/);
    expect(
      codes(
        req({
          query: { CallbackCommand: 'Sns.CallbackFriendAdd' },
          body: { callbackCommand: 'callbackBeforeAddFriendCommand' },
        }),
      ),
    ).toEqual(expect.arrayContaining(['dialect-mix', 'command-mismatch']));
  });

  it('reports body problems', () => {
    expect(codes(req({ path: '/x/callbackBeforeAddFriendCommand', bodyText: '' }))).toContain('body-empty');
    expect(
      codes(req({ path: '/x/callbackBeforeAddFriendCommand', bodyText: '{', parseError: 'Unexpected end' })),
    ).toContain('body-not-json');
    expect(codes(req({ path: '/x/callbackBeforeAddFriendCommand', body: [1, 2] }))).toContain('body-not-object');
    expect(codes(req({ method: 'GET', path: '/x/callbackBeforeAddFriendCommand', body: {} }))).toContain(
      'method-not-post',
    );
  });
});

describe('validate: Tencent query', () => {
  const body = JSON.parse(EXAMPLES['Sns.CallbackFriendDelete'] ?? '{}');
  const rt = String(NOW / 1000);

  it('checks SdkAppid', () => {
    expect(codes(tencent('Sns.CallbackFriendDelete', body), ctx({ sdkAppId: 1400000000 }))).not.toContain(
      'sdkappid-mismatch',
    );
    expect(codes(tencent('Sns.CallbackFriendDelete', body), ctx({ sdkAppId: 1400000009 }))).toContain(
      'sdkappid-mismatch',
    );
    expect(codes(req({ query: { CallbackCommand: 'Sns.CallbackFriendDelete' }, body }))).toContain('sdkappid-missing');
  });

  it('checks Sign when a token is configured', () => {
    const good = tencent('Sns.CallbackFriendDelete', body, { Sign: tencentSign('xxxxyyyy', rt), RequestTime: rt });
    expect(codes(good, ctx({ token: 'xxxxyyyy' }))).toContain('sign-valid');
    expect(codes(good, ctx({ token: 'xxxyyy' }))).toContain('sign-mismatch');
    expect(codes(good)).toContain('sign-not-checked');
    const upper = tencent('Sns.CallbackFriendDelete', body, {
      Sign: tencentSign('xxxxyyyy', rt).toUpperCase(),
      RequestTime: rt,
    });
    expect(codes(upper, ctx({ token: 'xxxxyyyy' }))).toContain('sign-uppercase');
    expect(codes(tencent('Sns.CallbackFriendDelete', body), ctx({ token: 't' }))).toContain('sign-missing');
    expect(codes(tencent('Sns.CallbackFriendDelete', body, { Sign: 'ab' }), ctx({ token: 't' }))).toContain(
      'request-time-missing',
    );
  });

  it('verifies the documented vector only with the right token', () => {
    const r = tencent('Sns.CallbackFriendDelete', body, {
      Sign: '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
      RequestTime: '1669872112',
    });
    const at = ctx({ nowMs: 1669872112_000 });
    expect(codes(r, { ...at, token: 'xxxxyyyy' })).toContain('sign-valid');
    expect(codes(r, { ...at, token: 'xxxyyy' })).toContain('sign-mismatch');
  });

  it('flags stale or invalid RequestTime', () => {
    const stale = String(NOW / 1000 - 61);
    expect(codes(tencent('Sns.CallbackFriendDelete', body, { RequestTime: stale }))).toContain('request-time-stale');
    expect(codes(tencent('Sns.CallbackFriendDelete', body, { RequestTime: String(NOW / 1000 - 59) }))).not.toContain(
      'request-time-stale',
    );
    // Milliseconds are named as such, not reported as "stale by 1.7e12 s" (protocols.md B.1: seconds).
    const ms = check(tencent('Sns.CallbackFriendDelete', body, { RequestTime: String(NOW) }));
    expect(ms.map((f) => f.code)).toEqual(expect.arrayContaining(['request-time-ms']));
    expect(ms.map((f) => f.code)).not.toContain('request-time-stale');
    expect(ms.find((f) => f.code === 'request-time-ms')?.message).toMatch(/milliseconds, expected seconds/);
    expect(codes(tencent('Sns.CallbackFriendDelete', body, { RequestTime: 'soon' }))).toContain('request-time-invalid');
  });
});

describe('validate: per OpenIM version (issue 12 item 5)', () => {
  const add = JSON.parse(EXAMPLES.callbackBeforeAddFriendCommand ?? '{}') as Record<string, unknown>;
  const v340Body: Record<string, unknown> = { ...add, operationID: 'op-1' };
  delete v340Body.ex;
  it('v3.0–v3.4.0 sends operationID in the body and no ex (pkg/callbackstruct/friend.go @ v3.4.0)', () => {
    const v340 = ctx({ openimProfile: 'v3.0-v3.4.0' });
    expect(problems(openim('callbackBeforeAddFriendCommand', v340Body), v340)).toEqual([]);
    expect(codes(openim('callbackBeforeAddFriendCommand', v340Body), v340)).not.toContain('legacy-field');
    expect(codes(openim('callbackBeforeAddFriendCommand', add), v340)).toEqual(
      expect.arrayContaining(['missing-field', 'unknown-field']),
    );
  });
  it('v3.4.2+ send ex and no operationID (pkg/callbackstruct/friend.go @ v3.4.2)', () => {
    const v35 = ctx({ openimProfile: 'v3.4.2-v3.5' });
    expect(problems(openim('callbackBeforeAddFriendCommand', add), v35)).toEqual([]);
    expect(codes(openim('callbackBeforeAddFriendCommand', v340Body), v35)).toEqual(
      expect.arrayContaining(['legacy-field', 'missing-field']),
    );
  });
  it('flags commands the version never sends, notes renamed ones', () => {
    const after = openim(
      'callbackAfterAddFriendCommand',
      JSON.parse(EXAMPLES.callbackAfterDeleteFriendCommand ?? '{}'),
    );
    expect(codes(after, ctx({ openimProfile: 'v3.0-v3.4.0' }))).toContain('command-not-sent');
    expect(codes(after, ctx({ openimProfile: 'v3.6' }))).not.toContain('command-not-sent');
    const remark = openim('callbackBeforeSetFriendRemarkCommand', {});
    expect(codes(remark, ctx({ openimProfile: 'v3.6' }))).toContain('command-renamed');
    expect(codes(remark, ctx())).not.toContain('command-renamed');
  });
});

describe('validate: hostile input', () => {
  it('never throws and stays sensible', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { FriendItem: [deep] };
    const bodies: unknown[] = [
      [{ callbackCommand: 'x' }],
      {
        callbackCommand: 'callbackBeforeImportFriendsCommand',
        ownerUserID: 'o',
        friendUserIDs: Array.from({ length: 100_000 }, (_, i) => i),
      },
      { CallbackCommand: 'Sns.CallbackPrevFriendAdd', FriendItem: { To_Account: 'a' }, EventTime: JSON.parse('1e400') },
      JSON.parse('{"callbackCommand":"callbackBeforeAddFriendCommand","__proto__":{"fromUserID":"x"},"constructor":1}'),
      deep,
      { CallbackCommand: 'Sns.CallbackPrevFriendAdd', ...(deep as object), EventTime: 2 ** 64 },
    ];
    for (const body of bodies) {
      const r = req({
        path: '/callbackExample/callbackBeforeImportFriendsCommand',
        query: { CallbackCommand: 'Sns.CallbackPrevFriendAdd' },
        body,
      });
      expect(() => check(r, ctx({ token: 't', sdkAppId: 1 }))).not.toThrow();
    }
    const huge = check(openim('callbackBeforeImportFriendsCommand', bodies[1]));
    expect(huge.length).toBeLessThan(20);
    expect(huge.map((f) => f.code)).toContain('more-problems');
    const proto = check(openim('callbackBeforeAddFriendCommand', bodies[3]));
    expect(proto.filter((f) => f.code === 'missing-field').map((f) => f.path)).toContain('fromUserID');
    const inf = check(tencent('Sns.CallbackPrevFriendAdd', bodies[2]));
    expect(inf.map((f) => `${f.code}:${f.path}`)).toEqual(
      expect.arrayContaining(['wrong-type:FriendItem', 'out-of-range:EventTime']),
    );
  });
});
