import { describe, expect, it } from 'vitest';
import type { Decision } from '../contract/decision.js';
import { catalogue } from '../protocol/catalogue.js';
import { flowKeysOf } from './flow-keys.js';
import { addCapture, emptyFlows, settleFlows } from './flows.js';
import { cap, TEST_CTX as ctx } from './testing.js';

const GROUP = '@TGS#2J4SZEAEL';
const CREATE = { Operator_Account: 'leckie', Owner_Account: 'leckie', Type: 'Public', Name: 'MyFirstGroup' };
// Tencent's page shows another operator on the after-callback (an admin account): the owner and the name join them.
const CREATED = { ...CREATE, GroupId: GROUP, Operator_Account: 'group_root' };
const switchOn = (name: string) =>
  `the callback is not enabled: switch on "${name}" in the Chat console (Callback configuration)`;

describe('Tencent group expectations (catalogue `next`, console switch named)', () => {
  it('expects after-create-group after a before-create-group that proceeds, in a flow keyed by owner and name', () => {
    const state = emptyFlows();
    const [creation] = addCapture(state, cap('Group.CallbackBeforeCreateGroup', CREATE, 0, 'proceeds'), ctx);
    expect(creation).toMatchObject({
      key: 'tencent:creation:MyFirstGroup|leckie',
      family: 'group',
      parties: ['leckie'],
      creating: 'MyFirstGroup',
    });
    expect(creation?.expected).toMatchObject([{ command: 'Group.CallbackAfterCreateGroup', status: 'pending' }]);
    expect(creation?.expected[0]?.reasons[0]).toBe(switchOn('After a Group Is Created'));
    // The after-callback starts the group's own flow and meets the expectation in the creation's.
    const joined = addCapture(state, cap('Group.CallbackAfterCreateGroup', CREATED, 40, 'ignored'), ctx);
    expect(joined.map((f) => f.key)).toEqual([`tencent:group:${GROUP}`, 'tencent:creation:MyFirstGroup|leckie']);
    expect(creation?.expected).toEqual([]);
    expect(creation?.steps.map((s) => s.command)).toEqual([
      'Group.CallbackBeforeCreateGroup',
      'Group.CallbackAfterCreateGroup',
    ]);
    // Without a before-callback (its switch off) the after-callback joins the group's flow only.
    const alone = addCapture(emptyFlows(), cap('Group.CallbackAfterCreateGroup', CREATED, 0, 'ignored'), ctx);
    expect(alone.map((f) => f.key)).toEqual([`tencent:group:${GROUP}`]);
    // `verify` ("in the same flow") sees the two callbacks share the creation's flow.
    expect(flowKeysOf('tencent', 'Group.CallbackAfterCreateGroup', CREATED).map((k) => k.key)).toContain(
      'tencent:creation:MyFirstGroup|leckie',
    );
  });

  it('names the after-create switch when the group never came, and marks it unexpected after a predicted block', () => {
    const state = emptyFlows();
    const [flow] = addCapture(state, cap('Group.CallbackBeforeCreateGroup', CREATE, 0, 'proceeds'), ctx);
    const [missing] = settleFlows(state, 5_000);
    expect(missing).toBe(flow);
    expect(flow?.expected[0]).toMatchObject({ command: 'Group.CallbackAfterCreateGroup', status: 'missing' });
    const deny: Decision = { verdict: 'deny', code: 10100 };
    const blocked = emptyFlows();
    addCapture(
      blocked,
      cap('Group.CallbackBeforeCreateGroup', CREATE, 0, 'blocked', { code: 10100, decision: deny }),
      ctx,
    );
    const [, creation] = addCapture(blocked, cap('Group.CallbackAfterCreateGroup', CREATED, 30, 'ignored'), ctx);
    expect(creation?.steps[1]).toMatchObject({ unexpected: true });
    expect(creation?.steps[1]?.note).toContain('predicted blocked (10100)');
  });

  it('expects a new member after a join request or an invitation that proceeds, with the approval caveat', () => {
    const state = emptyFlows();
    const apply = { GroupId: GROUP, Type: 'Public', Requestor_Account: 'jared' };
    const [flow] = addCapture(state, cap('Group.CallbackBeforeApplyJoinGroup', apply, 0, 'proceeds'), ctx);
    expect(flow?.key).toBe(`tencent:group:${GROUP}`);
    expect(flow?.expected[0]?.command).toBe('Group.CallbackAfterNewMemberJoin');
    expect(flow?.expected[0]?.reasons).toEqual([
      switchOn('After a User Joins a Group'),
      'the requester has not joined: a group that needs approval adds them (and sends this) only when an admin approves',
      'the client stopped before the action completed',
    ]);
    const joined = { GroupId: GROUP, Type: 'Public', JoinType: 'Apply', NewMemberList: [{ Member_Account: 'jared' }] };
    addCapture(state, cap('Group.CallbackAfterNewMemberJoin', joined, 500, 'ignored'), ctx);
    expect(flow?.expected).toEqual([]);
    const invite = { GroupId: 'g2', Operator_Account: 'leckie', DestinationMembers: [{ Member_Account: 'tommy' }] };
    const [invited] = addCapture(state, cap('Group.CallbackBeforeInviteJoinGroup', invite, 0, 'proceeds'), ctx);
    expect(invited?.expected.map((e) => e.command)).toEqual(['Group.CallbackAfterNewMemberJoin']);
  });

  it('expects after-send for a group message that proceeds, none for one dropped, and names the exception callback', () => {
    const state = emptyFlows();
    const msg = { GroupId: GROUP, Type: 'Public', From_Account: 'jared', Random: 1 };
    const [flow] = addCapture(state, cap('Group.CallbackBeforeSendMsg', msg, 0, 'proceeds'), ctx);
    expect(flow).toMatchObject({ key: `tencent:group:${GROUP}`, family: 'message', groupId: GROUP });
    expect(flow?.expected[0]?.reasons[0]).toBe(switchOn('After a Group Message Is Sent'));
    expect(flow?.expected[0]?.reasons[1]).toContain('Group.CallbackSendMsgException');
    addCapture(state, cap('Group.CallbackAfterSendMsg', msg, 20, 'ignored'), ctx);
    expect(flow?.expected).toEqual([]);
    const [dropped] = addCapture(emptyFlows(), cap('Group.CallbackBeforeSendMsg', msg, 0, 'dropped'), ctx);
    expect(dropped?.expected).toEqual([]);
    const c2c = { From_Account: 'jared', To_Account: 'John' };
    const [chat] = addCapture(state, cap('C2C.CallbackBeforeSendMsg', c2c, 0, 'proceeds'), ctx);
    expect(chat?.expected[0]?.reasons[0]).toBe(switchOn('After a One-to-One Message Is Sent'));
  });

  it('keys a topic being created by its name: the after-callback may come from another operator', () => {
    const state = emptyFlows();
    const before = { Operator_Account: 'leckie', Type: 'Community', Name: 'MyFirstTopic' };
    const [flow] = addCapture(state, cap('Group.CallbackBeforeCreateTopic', before, 0, 'proceeds'), ctx);
    expect(flow).toMatchObject({ key: 'tencent:creation:MyFirstTopic', parties: [], creating: 'MyFirstTopic' });
    expect(flow?.expected[0]?.reasons[0]).toBe(switchOn('After a Group Is Created'));
    const after = { GroupId: GROUP, TopicId: 't1', Operator_Account: 'group_root', Name: 'MyFirstTopic' };
    addCapture(state, cap('Group.CallbackAfterCreateTopic', after, 10, 'ignored'), ctx);
    expect(flow?.expected).toEqual([]);
  });
});

describe('OpenIM group creation and renamed callbacks', () => {
  it('keys a group created without an id by owner and name; with an id, by the group', () => {
    const body = { ownerUserID: 'o1', groupName: 'Team', groupID: '' };
    const state = emptyFlows();
    const [flow] = addCapture(state, cap('callbackBeforeCreateGroupCommand', body, 0, 'proceeds'), ctx);
    expect(flow).toMatchObject({ key: 'openim:creation:Team|o1', creating: 'Team' });
    expect(flow?.expected[0]?.reasons[0]).toContain('set afterCreateGroup.enable: true in config/webhooks.yml');
    const joined = addCapture(
      state,
      cap('callbackAfterCreateGroupCommand', { ...body, groupID: 'g7' }, 10, 'ignored'),
      ctx,
    );
    expect(joined.map((f) => f.key)).toEqual(['openim:group:g7', 'openim:creation:Team|o1']);
    expect(flow?.expected).toEqual([]);
    const named = emptyFlows();
    const [group] = addCapture(
      named,
      cap('callbackBeforeCreateGroupCommand', { ...body, groupID: 'g8' }, 0, 'proceeds'),
      ctx,
    );
    expect(group?.key).toBe('openim:group:g8');
    const after = addCapture(
      named,
      cap('callbackAfterCreateGroupCommand', { ...body, groupID: 'g8' }, 5, 'ignored'),
      ctx,
    );
    expect(after.map((f) => f.key)).toEqual(['openim:group:g8']);
    expect(group?.expected).toEqual([]);
  });

  it('meets an expectation under the name an older server sends (v3.6: callbackAfterSetFriendRemark)', () => {
    const v36 = { ...ctx, profiles: { ...ctx.profiles, openim: 'v3.6' as const } };
    const remark = { ownerUserID: 'a', friendUserID: 'b', remark: 'r' };
    const state = emptyFlows();
    const [flow] = addCapture(state, cap('callbackBeforeSetFriendRemark', remark, 0, 'proceeds'), v36);
    expect(flow?.expected.map((e) => e.command)).toEqual(['callbackAfterSetFriendRemark']);
    addCapture(state, cap('callbackAfterSetFriendRemark', remark, 10, 'ignored'), v36);
    expect(flow?.expected).toEqual([]);
  });

  it('joins each registered user to their own flow', () => {
    const users = { users: [{ userID: 'u1' }, { userID: 'u2' }] };
    const state = emptyFlows();
    const flows = addCapture(state, cap('callbackBeforeUserRegisterCommand', users, 0, 'proceeds'), ctx);
    expect(flows.map((f) => [f.key, f.expected[0]?.command])).toEqual([
      ['openim:user:u1', 'callbackAfterUserRegisterCommand'],
      ['openim:user:u2', 'callbackAfterUserRegisterCommand'],
    ]);
  });
});

describe('every expected next step can be predicted and met', () => {
  // A legacy name has the body of the command it was renamed to.
  const sampleOf = (name: string): unknown => {
    const info = catalogue.find((c) => c.name === name);
    return info?.sample ?? catalogue.find((c) => c.name === info?.renamedTo)?.sample;
  };
  const kinds = (dialect: 'openim' | 'tencent', name: string) =>
    flowKeysOf(dialect, name, sampleOf(name)).map((k) => k.key.split(':')[1]);

  it.each(catalogue.filter((c) => (c.next ?? []).length > 0).map((c) => [c.name, c] as const))(
    '%s joins a flow the step it predicts can join',
    (_name, info) => {
      // A predicting command that joins no flow would lose its expectation without a word.
      const own = kinds(info.dialect, info.name);
      expect(own.length).toBeGreaterThan(0);
      for (const next of info.next ?? []) {
        const predicted = catalogue.find((c) => c.name === next.command && c.dialect === info.dialect);
        expect(predicted, next.command).toBeDefined();
        expect(kinds(info.dialect, next.command).some((k) => own.includes(k))).toBe(true);
      }
    },
  );
});
