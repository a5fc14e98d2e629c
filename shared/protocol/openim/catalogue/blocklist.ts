import { commandField, type OpenImRow, str } from '../row.js';

/**
 * OpenIM blocklist callbacks (protocols.md A.4.10–11): `pkg/callbackstruct/friend.go` @ v3.8.3; called only from
 * v3.8.1 on (internal/rpc/relation/black.go:71, 81). There is no after-add-black or before-remove-black callback.
 */

const SRC =
  'open-im-server@v3.8.3 pkg/callbackstruct/friend.go (CallbackBeforeAddBlackReq, CallbackAfterRemoveBlackReq)';

/** The body both rows share (the user acting, the user on the list), called from v3.8.1 on. */
const blocklistBody = (name: string, acting: string, listed: string) =>
  ({
    fields: [commandField(name), str('ownerUserID', acting), str('blackUserID', listed)],
    sends: { profiles: ['v3.7+'], from: 'v3.8.1' },
  }) satisfies Partial<OpenImRow>;
/** Who the rows name as the parties, where they come from, their example. */
const blocklistParties = {
  parties: { from: 'ownerUserID', to: 'blackUserID' },
  source: SRC,
  sample: { ownerUserID: 'user123', blackUserID: 'user456' },
} satisfies Partial<OpenImRow>;

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
    ...blocklistBody('callbackBeforeAddBlackCommand', 'user blocking', 'user blocked'),
    failure: 'fails-operation',
    ...blocklistParties,
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
    ...blocklistBody('callbackAfterRemoveBlackCommand', 'user unblocking', 'user unblocked'),
    failure: 'ignored',
    ...blocklistParties,
  },
];
