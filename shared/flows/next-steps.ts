import type { Condition } from '../contract/rule.js';

/**
 * Expected next steps (product.md §3 "v3 Flows"), as data keyed by the predicting command: when a step of that
 * command proceeds (for its flow's pair), the server sends `expect` next — unless the callback is off, the version
 * never sends it, or the action fails after the callback. (To move into the catalogue rows' "expected next steps"
 * once every row carries them.)
 */
export interface NextStep {
  expect: string;
  /** Only when the predicting request's body holds these (rule conditions, one implementation). */
  where?: Condition[];
  /** The OpenIM `webhooks.yml` key of `expect`, for commands the catalogue does not name a key for yet. */
  configKey?: string;
  /** What can still stop the action after the predicting callback proceeded (sources in protocols.md). */
  laterFailure: string;
  /** Said with the expectation whatever happens (a version subtlety). */
  note?: string;
}

const MESSAGE_FAILURE =
  'the message was not stored or sent after the callback (muted, not a member, blocked by the receiver)';

export const NEXT_STEPS: ReadonlyMap<string, readonly NextStep[]> = new Map<string, NextStep[]>([
  [
    'callbackBeforeAddFriendCommand',
    [
      {
        expect: 'callbackAfterAddFriendCommand',
        // A.4.1: the callback runs before the user-existence, "already friends" and DB-write steps.
        laterFailure: 'the request failed after the callback (the user does not exist, or they are already friends)',
      },
    ],
  ],
  [
    'callbackBeforeAddFriendAgreeCommand',
    [
      {
        expect: 'callbackAfterAddFriendAgreeCommand',
        where: [{ path: 'HandleResult', op: 'equals', value: 1 }],
        laterFailure: 'accepting failed after the callback (the request no longer exists)',
        note: 'OpenIM calls it from v3.8.1 on (v3.7.0–v3.8.0 never send it)',
      },
    ],
  ],
  [
    'callbackBeforeSetFriendRemarkCommand',
    [{ expect: 'callbackAfterSetFriendRemarkCommand', laterFailure: 'the remark change failed (not friends)' }],
  ],
  // ≤ v3.6 spelling (no Command suffix): the same pair under the old names.
  [
    'callbackBeforeSetFriendRemark',
    [{ expect: 'callbackAfterSetFriendRemark', laterFailure: 'the remark change failed (not friends)' }],
  ],
  [
    'callbackBeforeImportFriendsCommand',
    [{ expect: 'callbackAfterImportFriendsCommand', laterFailure: 'the import failed after the callback' }],
  ],
  [
    'callbackBeforeSendSingleMsgCommand',
    [{ expect: 'callbackAfterSendSingleMsgCommand', configKey: 'afterSendSingleMsg', laterFailure: MESSAGE_FAILURE }],
  ],
  [
    'callbackBeforeSendGroupMsgCommand',
    [{ expect: 'callbackAfterSendGroupMsgCommand', configKey: 'afterSendGroupMsg', laterFailure: MESSAGE_FAILURE }],
  ],
  [
    'Sns.CallbackPrevFriendAdd',
    [
      {
        expect: 'Sns.CallbackFriendAdd',
        laterFailure:
          'the add did not complete: a target whose AllowType needs confirmation becomes a friend only when it agrees',
      },
    ],
  ],
  ['C2C.CallbackBeforeSendMsg', [{ expect: 'C2C.CallbackAfterSendMsg', laterFailure: MESSAGE_FAILURE }]],
  ['Group.CallbackBeforeSendMsg', [{ expect: 'Group.CallbackAfterSendMsg', laterFailure: MESSAGE_FAILURE }]],
]);

/** For each expected command, the commands that predict it (to tell an unexpected arrival). */
export const PREDECESSORS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [before, steps] of NEXT_STEPS) {
    for (const step of steps) out.set(step.expect, [...(out.get(step.expect) ?? []), before]);
  }
  return out;
})();
