import { describe, expect, it } from 'vitest';
import { identify } from './identify.js';
import type { IncomingRequest } from './types.js';
import { getHeader } from './wire.js';

const req = (over: Partial<IncomingRequest>): IncomingRequest => ({
  method: 'POST',
  path: '/',
  query: {},
  headers: {},
  body: undefined,
  ...over,
});

describe('identify', () => {
  it('reads the OpenIM command from the last path segment', () => {
    const id = identify(req({ path: '/callbackExample/callbackBeforeAddFriendCommand' }));
    expect(id).toMatchObject({
      dialect: 'openim',
      command: 'callbackBeforeAddFriendCommand',
      phase: 'before',
      via: 'path',
    });
    expect(id.info?.configKey).toBe('beforeAddFriend');
  });

  it('does not take a bare base path for a command', () => {
    const id = identify(req({ path: '/callbackExample' }));
    expect(id).toMatchObject({ dialect: 'unknown', command: null, phase: 'unknown', via: 'none' });
  });

  it('reads the legacy ?command= and ?callbackCommand= forms', () => {
    const a = identify(req({ path: '/callbackExample', query: { command: 'callbackAfterDeleteFriendCommand' } }));
    expect(a).toMatchObject({ dialect: 'openim', phase: 'after', via: 'legacy-query' });
    const b = identify(req({ path: '/cb', query: { callbackCommand: 'callbackBeforeAddBlackCommand' } }));
    expect(b).toMatchObject({ command: 'callbackBeforeAddBlackCommand', via: 'legacy-query', phase: 'before' });
  });

  it('reads Tencent ?CallbackCommand= first, before path and body', () => {
    const id = identify(
      req({
        path: '/callbackExample/callbackBeforeAddFriendCommand',
        query: { SdkAppid: '1400000000', CallbackCommand: 'Sns.CallbackPrevFriendAdd', contenttype: 'json' },
        body: { callbackCommand: 'callbackBeforeAddFriendCommand' },
      }),
    );
    expect(id).toMatchObject({
      dialect: 'tencent',
      command: 'Sns.CallbackPrevFriendAdd',
      phase: 'before',
      via: 'tencent-query',
    });
  });

  it('falls back to the body command in either casing', () => {
    expect(identify(req({ body: { callbackCommand: 'callbackAfterImportFriendsCommand' } }))).toMatchObject({
      dialect: 'openim',
      via: 'body',
      phase: 'after',
    });
    expect(identify(req({ body: { CallbackCommand: 'Sns.CallbackFriendDelete' } }))).toMatchObject({
      dialect: 'tencent',
      via: 'body',
      phase: 'after',
    });
  });

  it('guesses dialect and phase for unknown commands', () => {
    const c2c = identify(req({ query: { CallbackCommand: 'C2C.CallbackBeforeSomethingNew', SdkAppid: '1' } }));
    expect(c2c).toMatchObject({ dialect: 'tencent', command: 'C2C.CallbackBeforeSomethingNew', phase: 'before' });
    expect(c2c.info).toBeUndefined();
    expect(identify(req({ body: { callbackCommand: 'callbackAfterSomethingNewCommand' } }))).toMatchObject({
      dialect: 'openim',
      phase: 'after',
    });
    expect(identify(req({ body: { CallbackCommand: 'Group.CallbackPrevJoin' } }))).toMatchObject({
      dialect: 'tencent',
      phase: 'before',
    });
    expect(identify(req({ path: '/hooks/callbackBeforeFooCommand' }))).toMatchObject({
      dialect: 'openim',
      command: 'callbackBeforeFooCommand',
      phase: 'before',
      via: 'path',
    });
    expect(identify(req({ body: { weird: 1 } }))).toMatchObject({ dialect: 'unknown', command: null });
    expect(identify(req({ body: { From_Account: 'a' } }))).toMatchObject({ dialect: 'tencent', command: null });
  });

  it('recognises legacy names and points at the new one', () => {
    const id = identify(req({ path: '/cb/callbackBeforeSetFriendRemark' }));
    expect(id.info).toMatchObject({ legacy: true, renamedTo: 'callbackBeforeSetFriendRemarkCommand', phase: 'before' });
    expect(identify(req({ query: { command: 'callbackQuitGroupCommand' } })).info).toMatchObject({
      legacy: true,
      family: 'group',
      renamedTo: 'callbackAfterQuitGroupCommand',
    });
  });

  it('never matches prototype members as commands', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const id = identify(req({ path: `/${name}`, query: { command: name }, body: { callbackCommand: name } }));
      expect(id.info).toBeUndefined();
      expect(id.command).toBe(name);
    }
  });

  it('survives hostile bodies', () => {
    for (const body of [[1, 2], 'x', 42, null, { callbackCommand: ['a'] }, JSON.parse('{"__proto__":{"x":1}}')]) {
      expect(() => identify(req({ body }))).not.toThrow();
    }
  });
});

describe('getHeader', () => {
  it('finds Go-canonicalised names case-insensitively', () => {
    expect(getHeader({ Operationid: 'op1' }, 'operationID')).toBe('op1');
    expect(getHeader({ 'x-a': ['1', '2'] }, 'X-A')).toBe('1, 2');
    expect(getHeader({}, 'operationID')).toBeUndefined();
  });
});
