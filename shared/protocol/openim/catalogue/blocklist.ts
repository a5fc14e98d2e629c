import { commandField, type OpenImRow, str } from '../row.js';

/**
 * OpenIM blocklist callbacks (protocols.md A.4.10–11): `pkg/callbackstruct/friend.go` @ v3.8.3; called only from
 * v3.8.1 on (internal/rpc/relation/black.go:71, 81). There is no after-add-black or before-remove-black callback.
 */

const SRC =
  'open-im-server@v3.8.3 pkg/callbackstruct/friend.go (CallbackBeforeAddBlackReq, CallbackAfterRemoveBlackReq)';

export const BLOCKLIST: readonly OpenImRow[] = [
  {
    name: 'callbackBeforeAddBlackCommand',
    phase: 'before',
    family: 'relationship',
    title: 'Before add to blocklist',
    short: 'block user',
    subject: 'the blocklist add',
    configKey: 'beforeAddBlack',
    oldConfigKey: 'addBlackBefore',
    fields: [
      commandField('callbackBeforeAddBlackCommand'),
      str('ownerUserID', 'user blocking'),
      str('blackUserID', 'user blocked'),
    ],
    sends: { profiles: ['v3.7+'], from: 'v3.8.1' },
    failure: 'fails-operation',
    parties: { from: 'ownerUserID', to: 'blackUserID' },
    source: SRC,
    sample: { ownerUserID: 'user123', blackUserID: 'user456' },
  },
  {
    name: 'callbackAfterRemoveBlackCommand',
    phase: 'after',
    family: 'relationship',
    title: 'After remove from blocklist',
    short: 'user unblocked',
    subject: 'the blocklist removal',
    configKey: 'afterRemoveBlack',
    oldConfigKey: 'removeBlackAfter',
    fields: [
      commandField('callbackAfterRemoveBlackCommand'),
      str('ownerUserID', 'user unblocking'),
      str('blackUserID', 'user unblocked'),
    ],
    sends: { profiles: ['v3.7+'], from: 'v3.8.1' },
    failure: 'ignored',
    parties: { from: 'ownerUserID', to: 'blackUserID' },
    source: SRC,
    sample: { ownerUserID: 'user123', blackUserID: 'user456' },
  },
];
