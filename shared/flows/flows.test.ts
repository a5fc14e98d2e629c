import { describe, expect, it } from 'vitest';
import type { TargetOutcome } from '../contract/capture.js';
import type { Decision } from '../contract/decision.js';
import {
  addCapture,
  emptyFlows,
  FLOWS_PER_CAPTURE,
  type FlowContext,
  listFlows,
  nextDue,
  settleFlows,
} from './flows.js';
import { cap, TEST_CTX } from './testing.js';

const ctx: FlowContext = TEST_CTX;

const ADD = { fromUserID: 'u1', toUserID: 'u2', reqMsg: 'hi' };

describe('flows', () => {
  it('groups a friend request and its after-callback into one pair flow, the expectation met', () => {
    const state = emptyFlows();
    const [flow] = addCapture(state, cap('callbackBeforeAddFriendCommand', ADD, 100, 'proceeds'), ctx);
    expect(flow?.key).toBe('openim:pair:u1|u2');
    expect(flow?.expected).toMatchObject([
      { command: 'callbackAfterAddFriendCommand', status: 'pending', dueAt: 1101 },
    ]);
    expect(flow?.expected[0]?.reasons[0]).toContain('afterAddFriend.enable: true in config/webhooks.yml');
    // The other user's side of the pair (agree: blackUserID is the agreeing user) joins the same flow.
    const [same] = addCapture(state, cap('callbackAfterAddFriendCommand', { ...ADD }, 200, 'ignored'), ctx);
    expect(same).toBe(flow);
    expect(flow?.expected).toEqual([]);
    expect(flow?.steps.map((s) => s.command)).toEqual([
      'callbackBeforeAddFriendCommand',
      'callbackAfterAddFriendCommand',
    ]);
    expect(state.pending.size).toBe(1);
    expect(settleFlows(state, 5000)).toEqual([]);
    expect(state.pending.size).toBe(0);
  });

  it('turns a pending expectation into missing at its due time, not before', () => {
    const state = emptyFlows();
    addCapture(
      state,
      cap('callbackBeforeSetFriendRemarkCommand', { ownerUserID: 'a', friendUserID: 'b', remark: 'r' }, 0, 'proceeds'),
      ctx,
    );
    expect(nextDue(state)).toBe(1001);
    expect(settleFlows(state, 1000)).toEqual([]);
    const [flow] = settleFlows(state, 1001);
    expect(flow?.expected[0]).toMatchObject({ command: 'callbackAfterSetFriendRemarkCommand', status: 'missing' });
    expect(nextDue(state)).toBeNull();
  });

  it('expects nothing after a blocked step, and marks the after-callback that still came as unexpected', () => {
    const state = emptyFlows();
    const deny: Decision = { verdict: 'deny', code: 5001 };
    const [flow] = addCapture(
      state,
      cap('callbackBeforeAddFriendCommand', ADD, 0, 'blocked', { code: 5001, decision: deny }),
      ctx,
    );
    expect(flow?.expected).toEqual([]);
    expect(flow?.steps[0]?.answer).toBe('deny 5001');
    addCapture(state, cap('callbackAfterAddFriendCommand', ADD, 50, 'ignored'), ctx);
    expect(flow?.steps[1]).toMatchObject({ unexpected: true });
    expect(flow?.steps[1]?.note).toContain('predicted blocked (5001)');
  });

  it('predicts after-add-friend-agree only for HandleResult 1, with the v3.8.1 note on v3.7+, none on v3.6', () => {
    const agree = { fromUserID: 'u1', blackUserID: 'u2', HandleResult: 1, HandleMsg: 'ok' };
    const state = emptyFlows();
    const [flow] = addCapture(state, cap('callbackBeforeAddFriendAgreeCommand', agree, 0, 'proceeds'), ctx);
    expect(flow?.key).toBe('openim:pair:u1|u2');
    expect(flow?.expected[0]?.reasons.join(' ')).toContain('from v3.8.1');
    const other = emptyFlows();
    const [no] = addCapture(
      other,
      cap('callbackBeforeAddFriendAgreeCommand', { ...agree, HandleResult: 0 }, 0, 'proceeds'),
      ctx,
    );
    expect(no?.expected).toEqual([]);
    const v36 = { ...ctx, profiles: { ...ctx.profiles, openim: 'v3.6' as const } };
    const [old] = addCapture(emptyFlows(), cap('callbackBeforeAddFriendAgreeCommand', agree, 0, 'proceeds'), v36);
    expect(old?.expected).toEqual([]);
  });

  it('splits a Tencent PrevFriendAdd into one flow per target, each with its own verdict', () => {
    const state = emptyFlows();
    const body = { From_Account: 'id', FriendItem: [{ To_Account: 'id1' }, { To_Account: 'id2' }] };
    const targets: TargetOutcome[] = [
      { account: 'id1', effect: 'proceeds' },
      { account: 'id2', effect: 'blocked', code: 38001 },
    ];
    const decision: Decision = { verdict: 'allow', targets: { id2: { verdict: 'deny', code: 38001 } } };
    const flows = addCapture(state, cap('Sns.CallbackPrevFriendAdd', body, 0, 'partial', { targets, decision }), ctx);
    expect(flows.map((f) => f.key)).toEqual(['tencent:pair:id|id1', 'tencent:pair:id|id2']);
    expect(flows[0]?.expected.map((e) => e.command)).toEqual(['Sns.CallbackFriendAdd']);
    expect(flows[0]?.expected[0]?.reasons[0]).toContain('Chat console');
    expect(flows[1]?.steps[0]).toMatchObject({ effect: 'blocked', code: 38001, answer: 'deny 38001' });
    expect(flows[1]?.expected).toEqual([]);
    const pairs = {
      PairList: [
        { From_Account: 'id', To_Account: 'id1' },
        { From_Account: 'id1', To_Account: 'id' },
      ],
    };
    const after = addCapture(state, cap('Sns.CallbackFriendAdd', pairs, 10, 'ignored'), ctx);
    expect(after.map((f) => f.key)).toEqual(['tencent:pair:id|id1']);
    expect(after[0]?.expected).toEqual([]);
  });

  it('groups messages by conversation (unordered sender/receiver) or group, and imports by pair', () => {
    const state = emptyFlows();
    const [a] = addCapture(
      state,
      cap('callbackBeforeSendSingleMsgCommand', { sendID: 'b', recvID: 'a' }, 0, 'proceeds'),
      ctx,
    );
    const [b] = addCapture(
      state,
      cap('callbackAfterSendSingleMsgCommand', { sendID: 'a', recvID: 'b' }, 5, 'ignored'),
      ctx,
    );
    expect(a?.key).toBe('openim:chat:a|b');
    expect(b).toBe(a);
    expect(a?.family).toBe('message');
    expect(a?.expected).toEqual([]);
    const [g] = addCapture(
      state,
      cap('callbackBeforeSendGroupMsgCommand', { sendID: 'a', groupID: 'g1' }, 0, 'proceeds'),
      ctx,
    );
    expect(g).toMatchObject({ key: 'openim:group:g1', groupId: 'g1' });
    const [c] = addCapture(
      state,
      cap('C2C.CallbackBeforeSendMsg', { From_Account: 'x', To_Account: 'y' }, 0, 'proceeds'),
      ctx,
    );
    expect(c?.expected.map((e) => e.command)).toEqual(['C2C.CallbackAfterSendMsg']);
    const imported = addCapture(
      state,
      cap('callbackBeforeImportFriendsCommand', { ownerUserID: 'o', friendUserIDs: ['p', 'q', 'p'] }, 0, 'proceeds'),
      ctx,
    );
    expect(imported.map((f) => f.key)).toEqual(['openim:pair:o|p', 'openim:pair:o|q']);
    const [u] = addCapture(state, cap('callbackAfterUserOnlineCommand', { userID: 'u9' }, 0, 'ignored'), ctx);
    expect(u).toMatchObject({ key: 'openim:user:u9', family: 'user' });
  });

  it('ignores held captures and bodies without parties; orders steps by time; lists latest activity first', () => {
    const state = emptyFlows();
    expect(addCapture(state, cap('callbackBeforeAddFriendCommand', ADD, 0, 'unknown', { state: 'held' }), ctx)).toEqual(
      [],
    );
    expect(addCapture(state, cap('callbackBeforeAddFriendCommand', {}, 0, 'proceeds'), ctx)).toEqual([]);
    addCapture(
      state,
      cap('callbackAfterDeleteFriendCommand', { ownerUserID: 'x', friendUserID: 'y' }, 300, 'ignored'),
      ctx,
    );
    addCapture(state, cap('callbackBeforeAddFriendCommand', ADD, 200, 'proceeds'), ctx);
    const [flow] = addCapture(state, cap('callbackAfterAddFriendCommand', ADD, 100, 'ignored'), ctx);
    expect(flow?.steps.map((s) => s.receivedAt)).toEqual([100, 200]);
    expect(listFlows(state, 10).map((f) => f.key)).toEqual(['openim:pair:x|y', 'openim:pair:u1|u2']);
    expect(listFlows(state, 10, 'AFTERADD').map((f) => f.key)).toEqual(['openim:pair:u1|u2']);
    expect(listFlows(state, 1)).toHaveLength(1);
  });

  it('keeps at most `limit` flows, evicting the least recently active', () => {
    const state = emptyFlows(2);
    for (const [to, at] of [
      ['a', 5],
      ['b', 1],
      ['c', 9],
    ] as const)
      addCapture(state, cap('callbackAfterAddFriendCommand', { fromUserID: 'z', toUserID: to }, at, 'ignored'), ctx);
    expect([...state.flows.keys()]).toEqual(['openim:pair:a|z', 'openim:pair:c|z']);
  });

  it('joins at most FLOWS_PER_CAPTURE flows from one capture (a hostile list of targets)', () => {
    const state = emptyFlows();
    const items = Array.from({ length: 1000 }, (_, i) => ({ To_Account: `t${i}` }));
    const flows = addCapture(
      state,
      cap('Sns.CallbackPrevFriendAdd', { From_Account: 'me', FriendItem: items }, 0, 'proceeds'),
      ctx,
    );
    expect(flows).toHaveLength(FLOWS_PER_CAPTURE);
    expect(state.flows.size).toBe(FLOWS_PER_CAPTURE);
  });

  it('words the answer as the table does: the backend’s status when it answered, an exact answer by its status', () => {
    const upstream = { ...cap('callbackBeforeAddFriendCommand', ADD, 0, 'proceeds'), decidedBy: 'upstream' as const };
    const [flow] = addCapture(emptyFlows(), upstream, ctx);
    expect(flow?.steps[0]?.answer).toBe('HTTP 200 · backend');
    const raw: Decision = { verdict: 'allow', raw: { status: 500, headers: {}, bodyText: '' } };
    const [typed] = addCapture(
      emptyFlows(),
      cap('callbackBeforeAddFriendCommand', ADD, 0, 'fails', { decision: raw }),
      ctx,
    );
    expect(typed?.steps[0]?.answer).toBe('exact answer (HTTP 500)');
  });
});
