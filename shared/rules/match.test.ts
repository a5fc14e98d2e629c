import { describe, expect, it } from 'vitest';
import { type RuleInput, RuleSchema } from '../contract/rule.js';
import { compileRule, type MatchContext } from './match.js';

const rule = (input: Partial<RuleInput['match']> = {}) =>
  compileRule(RuleSchema.parse({ id: 'r', match: input, action: { type: 'hold' } }));

const openim: MatchContext = {
  dialect: 'openim',
  command: 'callbackBeforeAddFriendCommand',
  body: { fromUserID: 'spammer', toUserID: 'u2', reqMsg: 'hello there', ex: '' },
};
const tencent: MatchContext = {
  dialect: 'tencent',
  command: 'Sns.CallbackPrevFriendAdd',
  body: { From_Account: 'id', FriendItem: [{ To_Account: 'id1' }, { To_Account: 'id2', Remark: 'x' }], Count: 2 },
};

describe('compileRule', () => {
  it('matches any request when the match is empty', () => {
    expect(rule().matches(openim)).toBe(true);
    expect(rule().matches({ dialect: 'unknown', command: null, body: undefined })).toBe(true);
  });

  it('filters on dialect', () => {
    expect(rule({ dialect: 'tencent' }).matches(openim)).toBe(false);
    expect(rule({ dialect: 'tencent' }).matches(tencent)).toBe(true);
  });

  it('matches commands exactly (case-insensitive) or by glob', () => {
    expect(rule({ command: 'callbackBeforeAddFriendCommand' }).matches(openim)).toBe(true);
    expect(rule({ command: 'callbackbeforeaddfriendcommand' }).matches(openim)).toBe(true);
    expect(rule({ command: 'callbackBeforeAddFriend' }).matches(openim)).toBe(false);
    expect(rule({ command: '*AddFriend*' }).matches(openim)).toBe(true);
    expect(rule({ command: 'Sns.Callback?revFriend*' }).matches(tencent)).toBe(true);
    expect(rule({ command: 'Sns.*' }).matches(openim)).toBe(false);
    expect(rule({ command: '*' }).matches({ ...openim, command: null })).toBe(true);
    expect(rule({ command: 'x*' }).matches({ ...openim, command: null })).toBe(false);
  });

  it('equals, including number/string equality', () => {
    expect(rule({ where: [{ path: 'fromUserID', op: 'equals', value: 'spammer' }] }).matches(openim)).toBe(true);
    expect(rule({ where: [{ path: 'fromUserID', op: 'equals', value: 'other' }] }).matches(openim)).toBe(false);
    expect(rule({ where: [{ path: 'Count', op: 'equals', value: '2' }] }).matches(tencent)).toBe(true);
    expect(rule({ where: [{ path: 'Count', op: 'equals', value: 2 }] }).matches(tencent)).toBe(true);
    expect(rule({ where: [{ path: 'ex', op: 'equals', value: 0 }] }).matches(openim)).toBe(false);
  });

  it('matches any array item through []', () => {
    const deny = (value: string) => rule({ where: [{ path: 'FriendItem[].To_Account', op: 'equals', value }] });
    expect(deny('id2').matches(tencent)).toBe(true);
    expect(deny('id3').matches(tencent)).toBe(false);
    expect(rule({ where: [{ path: 'FriendItem[].Remark', op: 'exists' }] }).matches(tencent)).toBe(true);
  });

  it('contains, matches, exists, in', () => {
    expect(rule({ where: [{ path: 'reqMsg', op: 'contains', value: 'hello' }] }).matches(openim)).toBe(true);
    expect(rule({ where: [{ path: 'reqMsg', op: 'matches', value: '^hel+o\\b' }] }).matches(openim)).toBe(true);
    expect(rule({ where: [{ path: 'reqMsg', op: 'matches', value: '^there' }] }).matches(openim)).toBe(false);
    expect(rule({ where: [{ path: 'toUserID', op: 'in', value: ['u1', 'u2'] }] }).matches(openim)).toBe(true);
    expect(rule({ where: [{ path: 'toUserID', op: 'in', value: ['u1'] }] }).matches(openim)).toBe(false);
    expect(rule({ where: [{ path: 'missing', op: 'exists' }] }).matches(openim)).toBe(false);
    expect(rule({ where: [{ path: 'missing', op: 'exists', value: false }] }).matches(openim)).toBe(true);
    expect(rule({ where: [{ path: 'fromUserID', op: 'exists', value: false }] }).matches(openim)).toBe(false);
  });

  it('contains an item of an array value', () => {
    const ctx = { ...openim, body: { friendUserIDs: ['a', 'b'] } };
    expect(rule({ where: [{ path: 'friendUserIDs', op: 'contains', value: 'b' }] }).matches(ctx)).toBe(true);
    expect(rule({ where: [{ path: 'friendUserIDs', op: 'contains', value: 'c' }] }).matches(ctx)).toBe(false);
  });

  it('needs every condition to hold', () => {
    const r = rule({
      where: [
        { path: 'fromUserID', op: 'equals', value: 'spammer' },
        { path: 'toUserID', op: 'equals', value: 'nobody' },
      ],
    });
    expect(r.matches(openim)).toBe(false);
  });

  it('never throws on hostile bodies', () => {
    const r = rule({ where: [{ path: 'a[].b[0].c', op: 'matches', value: 'x' }] });
    for (const body of [undefined, null, 42, 'str', [], [[1]], { a: 'x' }, { a: [null, 1, { b: 'no' }] }]) {
      expect(r.matches({ ...openim, body })).toBe(false);
    }
  });
});
