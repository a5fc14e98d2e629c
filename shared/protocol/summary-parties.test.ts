import { describe, expect, it } from 'vitest';
import { findCommand } from './catalogue.js';
import { partyPaths } from './summary.js';

const paths = (name: string): string[] => {
  const info = findCommand(name);
  if (!info) throw new Error(`not catalogued: ${name}`);
  return partyPaths(info);
};

describe('partyPaths', () => {
  it('OpenIM: the users a friend request or remark is between', () => {
    expect(paths('callbackBeforeAddFriendCommand')).toEqual(['fromUserID', 'toUserID']);
    expect(paths('callbackBeforeSetFriendRemarkCommand')).toEqual(['ownerUserID', 'friendUserID']);
  });

  it('Tencent: the sender and every target of a list, not the requester', () => {
    expect(paths('Sns.CallbackPrevFriendAdd')).toEqual(['From_Account', 'FriendItem[].To_Account']);
  });
});
