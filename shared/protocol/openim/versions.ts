import type { OpenImProfile } from '../../contract/settings.js';
import { openimCommand } from './catalogue/index.js';

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

export type Sending =
  | { sent: true; note?: string }
  /** The same callback under the version's other name: predicted, with a note. */
  | { sent: 'renamed'; as: string; note: string }
  | { sent: false; note: string };

/** The first release of each profile: a row's `sends.from` later than this gets a note. */
const FIRST: Record<OpenImProfile, string> = {
  'v3.0-v3.4.0': 'v3.0.0',
  'v3.4.2-v3.5': 'v3.4.2',
  'v3.6': 'v3.6.0',
  'v3.7+': 'v3.7.0',
};

/** The profiles that send `name` (the row's own or one of its legacy names); undefined = not checked. */
function profilesOf(name: string): readonly OpenImProfile[] | undefined {
  const info = openimCommand(name);
  if (!info) return undefined;
  if (!info.legacy) return info.row.sends?.profiles;
  return info.row.legacyNames?.find((l) => l.name === name)?.profiles;
}

/**
 * Whether the chosen version calls this command at all, from the rows' `sends` (grep of the call sites at each tag).
 * A row without `sends` is not checked (`sent: true`). Under the version's other name (set-remark had no `Command`
 * suffix before v3.7.0) it is `renamed`.
 */
export function versionSends(profile: OpenImProfile, command: string): Sending {
  const profiles = profilesOf(command);
  if (profiles === undefined) return SENT;
  // A catalogued name: the answer depends on the tables only, and validation, prediction and flows ask it per
  // callback. At most rows × names × 4 profiles entries.
  let byCommand = sendingMemo.get(profile);
  if (byCommand === undefined) {
    byCommand = new Map();
    sendingMemo.set(profile, byCommand);
  }
  let known = byCommand.get(command);
  if (known === undefined) {
    known = Object.freeze(sendingOf(profile, command, profiles));
    byCommand.set(command, known);
  }
  return known;
}

const SENT: Sending = Object.freeze({ sent: true });
const sendingMemo = new Map<OpenImProfile, Map<string, Sending>>();

function sendingOf(profile: OpenImProfile, command: string, profiles: readonly OpenImProfile[]): Sending {
  const label = OPENIM_VERSIONS[profile].label;
  if (profiles.includes(profile)) {
    const sends = openimCommand(command)?.row.sends;
    const from = sends?.from;
    // A legacy name's profiles are its own; the row's `from`/`except` speak of the current name.
    const current = openimCommand(command)?.legacy !== true;
    if (current && from !== undefined && from !== FIRST[profile]) {
      return {
        sent: true,
        note: `${FIRST[profile]}–${previous(from)} never send ${command}; it is called from ${from} on`,
      };
    }
    if (current && sends?.except !== undefined && profile === 'v3.7+') {
      return { sent: true, note: `${sends.except} never send ${command} (the call is commented out there)` };
    }
    return { sent: true };
  }
  const info = openimCommand(command);
  const others = info === undefined ? [] : [info.row.name, ...(info.row.legacyNames ?? []).map((l) => l.name)];
  const other = others.find((n) => n !== command && profilesOf(n)?.includes(profile));
  if (other !== undefined) return { sent: 'renamed', as: other, note: `${label} sends this callback as ${other}` };
  const friend = info?.row.family === 'relationship';
  const only =
    profile === 'v3.0-v3.4.0' && friend ? ' (its only friend callback is callbackBeforeAddFriendCommand)' : '';
  return { sent: false, note: `${label} never sends ${command}${only}` };
}

/** The release before a tag, for sentences: v3.8.1 → v3.8.0, v3.8.0 → v3.7.x. */
function previous(tag: string): string {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  if (!m) return tag;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return patch > 0 ? `v${major}.${minor}.${patch - 1}` : `v${major}.${minor - 1}.x`;
}
