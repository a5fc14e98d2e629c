import type { OpenImProfile } from '../contract/settings.js';

/**
 * How each OpenIM server version reads a callback answer, from the tags' own code (openimsdk/open-im-server):
 * `pkg/callbackstruct/common.go` (response struct, `Parse`), `pkg/common/http/http_client.go` `callBackPostReturn`
 * (≤ v3.6), `pkg/common/webhook/http_client.go` (v3.7+), `internal/rpc/friend/{callback,friend}.go` (≤ v3.7) and
 * `internal/rpc/relation/{callback,friend,black}.go` (v3.8+). protocols.md A.2 (corrected) summarises them.
 */
export interface OpenImVersion {
  label: string;
  /** Go type of `actionCode`: `int` (64-bit) up to v3.4.0, `int32` from v3.4.2 (common.go). */
  actionCode: 'int64' | 'int32';
  /** `NextCode int32` exists from v3.4.2; before, a `nextCode` key of any type is an unknown field (ignored). */
  hasNextCode: boolean;
  /** The struct's `Parse()` deny condition. */
  denyRule: 'action-or-err' | 'action-or-next' | 'action-zero-and-next';
  /** v3.6 `callBackPostReturn` only logs the `Parse()` error and returns nil: no answer can deny. */
  denyHonoured: boolean;
  /**
   * v3.7+ fails closed (`failedContinue` is read by nothing). Before, `callBackPostReturn` honours
   * `callbackFailedContinue`, which the shipped config sets to true (v3.4.0 config/config.yaml; v3.4.2–v3.6
   * scripts/install/environment.sh `CALLBACK_FAILED_CONTINUE "true"`): a failed call continues.
   */
  failClosed: boolean;
  /**
   * After-callbacks before v3.7 are called inline and their error is returned to the API caller (v3.5.1
   * internal/rpc/friend/friend.go:141, 176, 233, 257), after the change is stored. v3.7 queues them (AsyncPost).
   */
  afterInline: boolean;
  /**
   * Set-remark: before v3.7 `utils.NotNilReplace(&req.Remark, &resp.Remark)` always copies the answer's remark, so
   * an answer without one stores "" (v3.5.1 internal/rpc/friend/callback.go:60, v3.6.0 :59). v3.7: non-empty wins.
   */
  remarkCopy: 'always' | 'non-empty';
}

export const OPENIM_VERSIONS: Record<OpenImProfile, OpenImVersion> = {
  'v3.7+': {
    label: 'OpenIM v3.7+',
    actionCode: 'int32',
    hasNextCode: true,
    denyRule: 'action-zero-and-next',
    denyHonoured: true,
    failClosed: true,
    afterInline: false,
    remarkCopy: 'non-empty',
  },
  'v3.6': {
    label: 'OpenIM v3.6',
    actionCode: 'int32',
    hasNextCode: true,
    denyRule: 'action-or-next',
    denyHonoured: false,
    failClosed: false,
    afterInline: true,
    remarkCopy: 'always',
  },
  'v3.4.2-v3.5': {
    label: 'OpenIM v3.4.2–v3.5',
    actionCode: 'int32',
    hasNextCode: true,
    denyRule: 'action-or-next',
    denyHonoured: true,
    failClosed: false,
    afterInline: true,
    remarkCopy: 'always',
  },
  'v3.0-v3.4.0': {
    label: 'OpenIM v3.0–v3.4.0',
    actionCode: 'int64',
    hasNextCode: false,
    denyRule: 'action-or-err',
    denyHonoured: true,
    failClosed: false,
    afterInline: true,
    remarkCopy: 'always',
  },
};

/** The relationship commands each version calls (grep of the call sites at v3.4.0, v3.5.1, v3.6.0, v3.7.0, v3.8.1). */
const FRIEND_V34 = [
  'callbackBeforeAddFriendCommand',
  'callbackAfterAddFriendCommand',
  'callbackBeforeAddFriendAgreeCommand',
  'callbackAfterDeleteFriendCommand',
  'callbackBeforeImportFriendsCommand',
  'callbackAfterImportFriendsCommand',
];
const SENT: Record<OpenImProfile, ReadonlySet<string>> = {
  // v3.4.0 internal/rpc/friend/friend.go:106 is the only friend callback call site.
  'v3.0-v3.4.0': new Set(['callbackBeforeAddFriendCommand']),
  // v3.5.1 / v3.6.0 internal/rpc/friend/friend.go; set-remark still without the Command suffix (constant.go).
  'v3.4.2-v3.5': new Set([...FRIEND_V34, 'callbackBeforeSetFriendRemark', 'callbackAfterSetFriendRemark']),
  'v3.6': new Set([...FRIEND_V34, 'callbackBeforeSetFriendRemark', 'callbackAfterSetFriendRemark']),
  'v3.7+': new Set([
    ...FRIEND_V34,
    'callbackBeforeSetFriendRemarkCommand',
    'callbackAfterSetFriendRemarkCommand',
    'callbackAfterAddFriendAgreeCommand',
    'callbackBeforeAddBlackCommand',
    'callbackAfterRemoveBlackCommand',
  ]),
};

/**
 * Commands v3.7+ calls only from v3.8.1 on (v3.8.1 internal/rpc/relation/black.go:71, 81 and friend.go:215).
 * protocols.md A.2 says callbackAfterAddFriendAgreeCommand "exists from v3.7.0"; the code disagrees and wins: the
 * constant and its only call site first appear at v3.8.1 (absent at v3.7.0, v3.7.1 and v3.8.0).
 */
const FROM_V381 = new Set([
  'callbackAfterAddFriendAgreeCommand',
  'callbackBeforeAddBlackCommand',
  'callbackAfterRemoveBlackCommand',
]);

/** The set-remark callback's two names: `…Command` from v3.7.0 (constant.go), without the suffix before. */
const RENAMED: Record<string, string> = {
  callbackBeforeSetFriendRemarkCommand: 'callbackBeforeSetFriendRemark',
  callbackBeforeSetFriendRemark: 'callbackBeforeSetFriendRemarkCommand',
  callbackAfterSetFriendRemarkCommand: 'callbackAfterSetFriendRemark',
  callbackAfterSetFriendRemark: 'callbackAfterSetFriendRemarkCommand',
};

export type Sending =
  | { sent: true; note?: string }
  /** The same callback under the version's other name: predicted, with a note. */
  | { sent: 'renamed'; as: string; note: string }
  | { sent: false; note: string };

/**
 * Whether the chosen version calls this relationship command at all. Only relationship commands are checked; for
 * the others (messages, groups, …) `family` is not 'relationship' and the answer is `sent: true`.
 */
export function versionSends(profile: OpenImProfile, command: string, relationship: boolean): Sending {
  if (!relationship) return { sent: true };
  const label = OPENIM_VERSIONS[profile].label;
  const sent = SENT[profile];
  if (sent.has(command)) {
    if (profile === 'v3.7+' && FROM_V381.has(command)) {
      return { sent: true, note: `v3.7.0–v3.8.0 never send ${command}; it is called from v3.8.1 on` };
    }
    return { sent: true };
  }
  const other = Object.hasOwn(RENAMED, command) ? RENAMED[command] : undefined;
  if (other !== undefined && sent.has(other)) {
    return { sent: 'renamed', as: other, note: `${label} sends this callback as ${other}` };
  }
  const only = profile === 'v3.0-v3.4.0' ? ' (its only friend callback is callbackBeforeAddFriendCommand)' : '';
  return { sent: false, note: `${label} never sends ${command}${only}` };
}
