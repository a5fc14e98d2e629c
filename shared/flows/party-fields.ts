import type { CommandFamily } from '../protocol/types.js';

/**
 * Where each command names its parties (protocols.md A.4–A.5, B.2–B.4), as data. A field list is tried in order:
 * OpenIM spells the same role `fromUserID`, `ownerUserID` or `userID` depending on the command.
 * (To move into the catalogue rows' party fields once every row carries them.)
 */
export type PartyShape =
  /** Two users: `a` and `b` (or each string of `list` when the body has one: import's `friendUserIDs`). */
  | { kind: 'pair'; a: readonly string[]; b: readonly string[]; list?: string }
  /** Tencent Prev*: `a` and each `list[].To_Account`, with that target's own verdict. */
  | { kind: 'targets'; a: readonly string[]; list: string }
  /** Tencent Sns after-callbacks: each `PairList[]` item's `From_Account`/`To_Account`. */
  | { kind: 'pair-list' }
  /** A message: the group when `group` is set, else the unordered sender/receiver pair. */
  | { kind: 'conversation'; a: readonly string[]; b: readonly string[]; group: readonly string[] }
  | { kind: 'group'; group: readonly string[] }
  /** One user (user and status callbacks; Tencent State puts it under `Info`). */
  | { kind: 'user'; user: readonly string[] };

const OPENIM_PAIR: PartyShape = {
  kind: 'pair',
  a: ['fromUserID', 'ownerUserID'],
  // Agree callbacks: `blackUserID` is the user who agrees (A.4.3), so the pair is the original request's.
  b: ['toUserID', 'friendUserID', 'blackUserID'],
  list: 'friendUserIDs',
};
const OPENIM_CONVERSATION: PartyShape = { kind: 'conversation', a: ['sendID'], b: ['recvID'], group: ['groupID'] };
const OPENIM_GROUP: PartyShape = { kind: 'group', group: ['groupID'] };
const OPENIM_USER: PartyShape = { kind: 'user', user: ['userID'] };

const TENCENT_C2C: PartyShape = { kind: 'conversation', a: ['From_Account'], b: ['To_Account'], group: [] };
const TENCENT_GROUP: PartyShape = { kind: 'group', group: ['GroupId'] };
const TENCENT_USER: PartyShape = { kind: 'user', user: ['To_Account', 'From_Account', 'Operator_Account'] };

type ByFamily = Partial<Record<CommandFamily, PartyShape>>;

export const PARTY_FIELDS: {
  byCommand: ReadonlyMap<string, PartyShape>;
  byFamily: Record<'openim' | 'tencent', ByFamily>;
  byTencentPrefix: Readonly<Record<string, PartyShape>>;
} = {
  byCommand: new Map<string, PartyShape>([
    ['Sns.CallbackPrevFriendAdd', { kind: 'targets', a: ['From_Account'], list: 'FriendItem' }],
    ['Sns.CallbackPrevFriendResponse', { kind: 'targets', a: ['From_Account'], list: 'ResponseFriendItem' }],
    ['Group.CallbackBeforeSendMsg', TENCENT_GROUP],
    ['Group.CallbackAfterSendMsg', TENCENT_GROUP],
  ]),
  byFamily: {
    openim: {
      relationship: OPENIM_PAIR,
      message: OPENIM_CONVERSATION,
      group: OPENIM_GROUP,
      user: OPENIM_USER,
      status: OPENIM_USER,
    },
    tencent: {
      relationship: { kind: 'pair-list' },
      message: TENCENT_C2C,
      group: TENCENT_GROUP,
      status: TENCENT_USER,
      profile: TENCENT_USER,
    },
  },
  byTencentPrefix: { Sns: { kind: 'pair-list' }, C2C: TENCENT_C2C, Group: TENCENT_GROUP, State: TENCENT_USER },
};
