import { BEFORE_V37, commandField, FROM_V342, int, type OpenImRow, str } from '../row.js';
import { nonEmpty } from './go-types.js';

/**
 * OpenIM friend callbacks (protocols.md A.4): `pkg/callbackstruct/friend.go` and `internal/rpc/relation/friend.go`
 * @ main 7848d7c7 / release-v3.8.3; which versions call each: grep of the call sites at v3.4.0, v3.5.1, v3.6.0,
 * v3.7.0, v3.8.1 (`internal/rpc/friend/friend.go` before v3.8). Wire keys are exact.
 */

const SRC = 'open-im-server@v3.8.3 pkg/callbackstruct/friend.go';

const agreeFields = (name: string) => [
  commandField(name),
  str('fromUserID', 'the original applicant'),
  str('blackUserID', 'the user who agrees (JSON tag bug: the struct field is ToUserID)'),
  { ...int('HandleResult', 'int32', 'always 1 (agree)'), always: { value: 1, meaning: 'agree' } },
  str('HandleMsg', "the responder's message"),
];

const friendIds = {
  name: 'friendUserIDs',
  type: 'string[]',
  required: true,
  description: 'users to make friends with the owner',
} as const;
/** The import answer's list, copied when not empty. */
const importedIds = nonEmpty('friendUserIDs', 'string[]', 'replaces the list of users to import (not re-validated)', {
  label: 'list',
  noun: 'user(s)',
  note: ', not re-validated',
});

/** What every friend row shares. */
const friendRow = { family: 'relationship', source: SRC } satisfies Partial<OpenImRow>;
/** What each before/after pair shares besides: the subject, the versions that send it, the example. */
const agreeing = {
  ...friendRow,
  subject: 'accepting the friend request',
  sample: { fromUserID: 'user123', blackUserID: 'user456', HandleResult: 1, HandleMsg: "Let's be friends!" },
} satisfies Partial<OpenImRow>;
const remarking = {
  ...friendRow,
  subject: 'the remark change',
  sends: { profiles: ['v3.7+'] },
  sample: { ownerUserID: 'user123', friendUserID: 'user456', remark: 'My Best Friend' },
} satisfies Partial<OpenImRow>;
const importing = {
  ...friendRow,
  subject: 'the friend import',
  sends: { profiles: FROM_V342 },
  sample: { ownerUserID: 'user123', friendUserIDs: ['user456', 'user789'] },
} satisfies Partial<OpenImRow>;

export const FRIEND: readonly OpenImRow[] = [
  {
    name: 'callbackBeforeAddFriendCommand',
    phase: 'before',
    ...friendRow,
    title: 'Before add friend',
    short: 'add friend',
    subject: 'the friend request',
    configKey: 'beforeAddFriend',
    oldConfigKey: 'beforeAddFriend',
    fields: [
      commandField('callbackBeforeAddFriendCommand'),
      str('fromUserID', 'applicant'),
      str('toUserID', 'user being asked'),
      str('reqMsg', 'request message'),
      str('ex', 'extension data'),
    ],
    // pkg/callbackstruct/friend.go @ v3.4.0: `operationID` in the body, no `ex` (added in v3.4.2).
    wire: {
      'v3.0-v3.4.0': {
        fields: [
          commandField('callbackBeforeAddFriendCommand'),
          str('fromUserID', 'applicant'),
          str('toUserID', 'user being asked'),
          str('reqMsg', 'request message'),
          str('operationID', 'operation id (v3.0–v3.4.0 body only)'),
        ],
      },
    },
    // v3.4.0 internal/rpc/friend/friend.go:106 is the only friend callback call site of v3.0–v3.4.0.
    sends: { profiles: ['v3.0-v3.4.0', ...FROM_V342] },
    failure: 'fails-operation',
    parties: { from: 'fromUserID', to: 'toUserID' },
    next: [
      {
        command: 'callbackAfterAddFriendCommand',
        when: 'proceeds',
        // A.4.1: the callback runs before the user-existence, "already friends" and DB-write steps.
        laterFailure: 'the request failed after the callback (the user does not exist, or they are already friends)',
      },
    ],
    sample: { fromUserID: 'user123', toUserID: 'user456', reqMsg: "Hi, let's be friends!", ex: '' },
  },
  {
    name: 'callbackAfterAddFriendCommand',
    phase: 'after',
    ...friendRow,
    title: 'After add friend (request stored)',
    short: 'friend request stored',
    subject: 'the friend request',
    configKey: 'afterAddFriend',
    oldConfigKey: 'addFriendAfter',
    fields: [
      commandField('callbackAfterAddFriendCommand'),
      str('fromUserID', 'applicant'),
      str('toUserID', 'user being asked'),
      str('reqMsg', 'message'),
    ],
    sends: { profiles: FROM_V342 },
    failure: 'ignored',
    parties: { from: 'fromUserID', to: 'toUserID' },
    sample: { fromUserID: 'user123', toUserID: 'user456', reqMsg: "Hi, let's be friends!" },
  },
  {
    name: 'callbackBeforeAddFriendAgreeCommand',
    phase: 'before',
    ...agreeing,
    title: 'Before agree to friend request',
    short: 'agree to friend request',
    configKey: 'beforeAddFriendAgree',
    oldConfigKey: 'addFriendAgreeBefore',
    fields: agreeFields('callbackBeforeAddFriendAgreeCommand'),
    sends: { profiles: FROM_V342 },
    failure: 'fails-operation',
    parties: { from: 'fromUserID', to: 'blackUserID' },
    next: [
      {
        command: 'callbackAfterAddFriendAgreeCommand',
        when: 'proceeds',
        note: 'from v3.8.1',
        where: [{ path: 'HandleResult', op: 'equals', value: 1 }],
        laterFailure: 'accepting failed after the callback (the request no longer exists)',
      },
    ],
  },
  {
    name: 'callbackAfterAddFriendAgreeCommand',
    phase: 'after',
    ...agreeing,
    title: 'After agree to friend request',
    short: 'friend request agreed',
    configKey: 'afterAddFriendAgree',
    fields: agreeFields('callbackAfterAddFriendAgreeCommand'),
    // The constant and its only call site first appear at v3.8.1 (internal/rpc/relation/friend.go:215); protocols.md
    // A.2 said "from v3.7.0": the code wins.
    sends: { profiles: ['v3.7+'], from: 'v3.8.1' },
    failure: 'ignored',
    parties: { from: 'fromUserID', to: 'blackUserID' },
  },
  {
    name: 'callbackAfterDeleteFriendCommand',
    phase: 'after',
    ...friendRow,
    title: 'After delete friend',
    short: 'friend deleted',
    subject: 'the friend deletion',
    configKey: 'afterDeleteFriend',
    oldConfigKey: 'deleteFriendAfter',
    fields: [
      commandField('callbackAfterDeleteFriendCommand'),
      str('ownerUserID', 'user deleting'),
      str('friendUserID', 'friend removed'),
    ],
    sends: { profiles: FROM_V342 },
    failure: 'ignored',
    parties: { from: 'ownerUserID', to: 'friendUserID' },
    sample: { ownerUserID: 'user123', friendUserID: 'user456' },
  },
  {
    name: 'callbackBeforeSetFriendRemarkCommand',
    phase: 'before',
    ...remarking,
    title: 'Before set friend remark',
    short: 'set friend remark',
    configKey: 'beforeSetFriendRemark',
    oldConfigKey: 'callbackBeforeSetFriendRemark',
    fields: [
      commandField('callbackBeforeSetFriendRemarkCommand'),
      str('ownerUserID', 'user setting the remark'),
      str('friendUserID', 'friend'),
      str('remark', 'proposed remark'),
    ],
    answer: [
      {
        name: 'remark',
        type: 'string',
        effect: 'replaces the remark that is stored',
        applies: 'non-empty',
        // Before v3.7 `utils.NotNilReplace` copies the answer's remark even when it has none (internal/rpc/friend/
        // callback.go @ v3.5.1:60): echoing the received remark is the safe default on every version.
        echo: true,
        label: 'remark',
      },
    ],
    // `…Command` from v3.7.0 (pkg/callbackstruct/constant.go); v3.4.2–v3.6 send the name without the suffix.
    legacyNames: [{ name: 'callbackBeforeSetFriendRemark', profiles: BEFORE_V37 }],
    failure: 'fails-operation',
    parties: { from: 'ownerUserID', to: 'friendUserID' },
    next: [{ command: 'callbackAfterSetFriendRemarkCommand', when: 'proceeds' }],
  },
  {
    name: 'callbackAfterSetFriendRemarkCommand',
    phase: 'after',
    ...remarking,
    title: 'After set friend remark',
    short: 'friend remark set',
    configKey: 'afterSetFriendRemark',
    oldConfigKey: 'callbackAfterSetFriendRemark',
    fields: [
      commandField('callbackAfterSetFriendRemarkCommand'),
      str('ownerUserID', 'user setting the remark'),
      str('friendUserID', 'friend'),
      str('remark', 'final remark'),
    ],
    legacyNames: [{ name: 'callbackAfterSetFriendRemark', profiles: BEFORE_V37 }],
    failure: 'ignored',
    parties: { from: 'ownerUserID', to: 'friendUserID' },
  },
  {
    name: 'callbackBeforeImportFriendsCommand',
    phase: 'before',
    ...importing,
    title: 'Before import friends',
    short: 'import friends',
    configKey: 'beforeImportFriends',
    oldConfigKey: 'importFriendsBefore',
    fields: [commandField('callbackBeforeImportFriendsCommand'), str('ownerUserID', 'owner'), { ...friendIds }],
    answer: [importedIds],
    failure: 'fails-operation',
    parties: { from: 'ownerUserID', to: 'friendUserIDs' },
    next: [{ command: 'callbackAfterImportFriendsCommand', when: 'proceeds' }],
  },
  {
    name: 'callbackAfterImportFriendsCommand',
    phase: 'after',
    ...importing,
    title: 'After import friends',
    short: 'friends imported',
    configKey: 'afterImportFriends',
    oldConfigKey: 'importFriendsAfter',
    fields: [
      commandField('callbackAfterImportFriendsCommand'),
      str('ownerUserID', 'owner'),
      { ...friendIds, description: 'final list' },
    ],
    failure: 'ignored',
    parties: { from: 'ownerUserID', to: 'friendUserIDs' },
  },
];
