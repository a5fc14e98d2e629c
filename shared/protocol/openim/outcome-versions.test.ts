import { describe, expect, it } from 'vitest';
import type { OpenImProfile } from '../../contract/settings.js';
import { findCommand } from '../catalogue.js';
import { predictOutcome } from '../outcome.js';
import type { OutcomeInput } from '../types.js';

/**
 * Issue 12, item 1 (and the OpenIM parts of 3–5): every expectation here comes from open-im-server's own code at the
 * tag named in the test (git --git-dir=<mirror> show <tag>:<file>).
 */

const ADD = 'callbackBeforeAddFriendCommand';
const REMARK = 'callbackBeforeSetFriendRemarkCommand';
const REMARK_OLD = 'callbackBeforeSetFriendRemark';
const IMPORT = 'callbackBeforeImportFriendsCommand';
const ALLOW = '{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}';
const DENY = '{"actionCode":0,"errCode":5001,"errMsg":"spam","errDlt":"d","nextCode":1}';

function predict(
  version: OpenImProfile,
  command: string,
  bodyText: string,
  over: Partial<OutcomeInput> = {},
): ReturnType<typeof predictOutcome> {
  const info = findCommand(command, 'openim');
  return predictOutcome({
    dialect: 'openim',
    command,
    phase: info?.phase ?? 'unknown',
    requestBody: info?.sample,
    sent: { action: 'respond', status: 200, bodyText },
    elapsedMs: 10,
    serverTimeoutMs: 5000,
    profile: { dialect: 'openim', version },
    ...over,
  });
}

describe('v3.0–v3.4.0 (v3.4.0 pkg/callbackstruct/common.go: ActionCode int, ErrCode int32, no NextCode)', () => {
  it("ignores the docs' string nextCode instead of failing (no such field)", () => {
    expect(predict('v3.0-v3.4.0', ADD, '{"actionCode":0,"errCode":0,"nextCode":"1"}').effect).toBe('proceeds');
    expect(predict('v3.0-v3.4.0', ADD, '{"actionCode":0,"errCode":0,"nextCode":{"x":[]}}').effect).toBe('proceeds');
  });

  it('decodes actionCode as a 64-bit int: 3000000000 still blocks (Parse: ActionCode != 0)', () => {
    expect(predict('v3.0-v3.4.0', ADD, '{"actionCode":3000000000}')).toMatchObject({ effect: 'blocked', code: 0 });
    // From v3.4.2 (common.go: ActionCode int32) the same answer does not decode.
    expect(predict('v3.7+', ADD, '{"actionCode":3000000000}')).toMatchObject({ effect: 'fails', code: 90007 });
    expect(predict('v3.4.2-v3.5', ADD, '{"actionCode":3000000000}').explanation).toMatch(/90007.*failedContinue/);
  });

  it('denies on errCode alone (Parse: ActionCode != 0 || ErrCode != 0)', () => {
    expect(predict('v3.0-v3.4.0', ADD, '{"errCode":20013,"errMsg":"RefuseFriend"}')).toMatchObject({
      effect: 'blocked',
      code: 20013,
      message: 'RefuseFriend',
    });
  });

  it('sends only callbackBeforeAddFriendCommand among friend callbacks (v3.4.0 internal/rpc/friend/friend.go:106)', () => {
    for (const command of ['callbackAfterAddFriendCommand', REMARK_OLD, IMPORT, 'callbackAfterDeleteFriendCommand']) {
      const o = predict('v3.0-v3.4.0', command, ALLOW);
      expect(o.effect, command).toBe('unknown');
      expect(o.explanation).toMatch(/never sends/);
    }
  });
});

describe('v3.6 (v3.6.0 pkg/common/http/http_client.go callBackPostReturn: Parse() error only logged)', () => {
  it('no answer can deny', () => {
    for (const text of [DENY, '{"actionCode":1}', '{"actionCode":1,"nextCode":1,"errCode":5001}']) {
      const o = predict('v3.6', ADD, text);
      expect(o.effect, text).toBe('proceeds');
      expect(o.explanation).toMatch(/only logs the deny/);
    }
  });

  it('still fails format errors only through failedContinue (true in scripts/install/environment.sh @ v3.6.0)', () => {
    expect(predict('v3.6', ADD, '{"nextCode":"1"}').explanation).toMatch(/90007 DataError.*failedContinue/);
  });
});

describe('v3.4.2–v3.5 (v3.5.1 pkg/callbackstruct/common.go Parse: ActionCode != 0 || NextCode == 1)', () => {
  it('denies on actionCode ≠ 0 or nextCode 1, not on errCode alone', () => {
    expect(predict('v3.4.2-v3.5', ADD, '{"actionCode":1}').effect).toBe('blocked');
    expect(predict('v3.4.2-v3.5', ADD, '{"nextCode":1,"errCode":5002}')).toMatchObject({
      effect: 'blocked',
      code: 5002,
    });
    expect(predict('v3.4.2-v3.5', ADD, '{"errCode":5002}').effect).toBe('proceeds');
  });
});

describe('set-remark copy rule (v3.5.1 internal/rpc/friend/callback.go:60, v3.6.0 :59 NotNilReplace; v3.7.0 :108)', () => {
  for (const version of ['v3.6', 'v3.4.2-v3.5'] as const) {
    it(`${version}: an answer without remark sets the remark to ""`, () => {
      const o = predict(version, REMARK_OLD, ALLOW);
      expect(o).toMatchObject({ effect: 'proceeds', rewrite: { remark: '' } });
      expect(o.explanation).toMatch(/remark set to ""/);
    });
    it(`${version}: a failed call continues with the empty response struct, so the remark is wiped too`, () => {
      expect(predict(version, REMARK_OLD, '', { sent: { action: 'reset' } })).toMatchObject({
        effect: 'proceeds',
        rewrite: { remark: '' },
      });
      // Go keeps decoding after a type error: the remark that did decode is copied.
      expect(predict(version, REMARK_OLD, '{"nextCode":"0","remark":"Kept"}')).toMatchObject({
        effect: 'proceeds',
        rewrite: { remark: 'Kept' },
      });
    });
    it(`${version}: the current name is the same callback, predicted with a note`, () => {
      const o = predict(version, REMARK, ALLOW);
      expect(o.rewrite).toEqual({ remark: '' });
      expect(o.explanation).toMatch(/sends this callback as callbackBeforeSetFriendRemark/);
    });
  }

  it('v3.6: a deny is only logged and its missing remark still wipes the remark', () => {
    expect(predict('v3.6', REMARK_OLD, DENY)).toMatchObject({ effect: 'proceeds', rewrite: { remark: '' } });
  });

  it('v3.7+: only a non-empty remark wins', () => {
    expect(predict('v3.7+', REMARK, ALLOW).rewrite).toBeUndefined();
    expect(predict('v3.7+', REMARK, '{"remark":"Bob"}').rewrite).toEqual({ remark: 'Bob' });
  });
});

describe('after-callbacks before v3.7 run inline (v3.5.1 internal/rpc/friend/friend.go:141, 176, 233, 257)', () => {
  const AFTER = 'callbackAfterDeleteFriendCommand';
  it('v3.4.2–v3.5: a deny comes back to the API caller although the change is stored', () => {
    const o = predict('v3.4.2-v3.5', AFTER, DENY);
    expect(o).toMatchObject({ effect: 'fails', code: 5001, message: 'spam' });
    expect(o.explanation).toMatch(/already stored/);
    expect(predict('v3.4.2-v3.5', 'callbackAfterSetFriendRemark', '{"actionCode":1}').effect).toBe('fails');
  });
  it('allows, format errors and timeouts are skipped (failedContinue: true)', () => {
    expect(predict('v3.4.2-v3.5', AFTER, ALLOW).effect).toBe('ignored');
    expect(predict('v3.4.2-v3.5', AFTER, 'oops').effect).toBe('ignored');
    expect(predict('v3.4.2-v3.5', AFTER, DENY, { elapsedMs: 6000 }).effect).toBe('ignored');
  });
  it('v3.6 only logs the deny; v3.7+ queues the call (webhook AsyncPost) and discards the answer', () => {
    expect(predict('v3.6', AFTER, DENY).effect).toBe('ignored');
    expect(predict('v3.7+', AFTER, DENY).effect).toBe('ignored');
  });
});

describe('commands each version calls', () => {
  it('blocklist and after-agree callbacks: called from v3.8.1 (internal/rpc/relation/black.go:71, 81; friend.go:215)', () => {
    for (const command of [
      'callbackBeforeAddBlackCommand',
      'callbackAfterRemoveBlackCommand',
      'callbackAfterAddFriendAgreeCommand',
    ]) {
      for (const version of ['v3.6', 'v3.4.2-v3.5'] as const) {
        expect(predict(version, command, DENY).effect, `${version} ${command}`).toBe('unknown');
      }
      expect(predict('v3.7+', command, ALLOW).explanation).toMatch(/from v3\.8\.1/);
    }
    expect(predict('v3.7+', 'callbackBeforeAddBlackCommand', DENY).effect).toBe('blocked');
  });
});

describe('bytes on the wire (Node drops the body of 1xx/204/304; Go net/http transport.go reads 1xx as interim)', () => {
  it('204 and 304: an empty body → 90007 on v3.7+, continue before', () => {
    for (const status of [204, 304]) {
      const sent = { action: 'respond' as const, status, bodyText: DENY };
      const o = predict('v3.7+', ADD, DENY, { sent });
      expect(o).toMatchObject({ effect: 'fails', code: 90007, message: 'DataError' });
      expect(o.explanation).toMatch(new RegExp(`no body with HTTP ${status}`));
      expect(predict('v3.4.2-v3.5', ADD, DENY, { sent }).effect).toBe('proceeds');
    }
  });
  it('1xx: the client waits for its timeout → 90004; 101 is final for Go (golang/go#26161) → 90007', () => {
    for (const status of [100, 102, 103, 199]) {
      const o = predict('v3.7+', ADD, DENY, { sent: { action: 'respond', status, bodyText: DENY } });
      expect(o, String(status)).toMatchObject({ effect: 'fails', code: 90004, message: 'NetworkError' });
    }
    expect(predict('v3.7+', ADD, DENY, { sent: { action: 'respond', status: 101, bodyText: DENY } }).code).toBe(90007);
  });
});

describe('lateness and Go decoding', () => {
  it('an answer that left after the timeout is the timeout outcome (v3.8.3 pkg/common/webhook/http_client.go)', () => {
    expect(predict('v3.7+', ADD, DENY, { elapsedMs: 5001 })).toMatchObject({
      effect: 'fails',
      code: 90004,
      message: 'NetworkError',
    });
    expect(predict('v3.0-v3.4.0', ADD, DENY, { elapsedMs: 5001 }).effect).toBe('proceeds');
  });
  it('null inside friendUserIDs decodes to "" and is kept', () => {
    expect(predict('v3.7+', IMPORT, '{"friendUserIDs":["u1",null]}').rewrite).toEqual({ friendUserIDs: ['u1', ''] });
  });
});
