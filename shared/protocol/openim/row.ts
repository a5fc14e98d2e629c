import type { Finding } from '../../contract/capture.js';
import type { OpenImProfile } from '../../contract/settings.js';
import { int, str } from '../fields.js';
import type { JsonObject } from '../json.js';
import type { AnswerFieldSpec, CommandInfo, CommandRow, FieldSpec } from '../types.js';

/**
 * An OpenIM catalogue row: the shared row plus what OpenIM's versions make necessary. Facts come from
 * openimsdk/open-im-server at each tag: `pkg/callbackstruct/*.go` (structs), `internal/rpc/*` (call sites),
 * `config/webhooks.yml` (keys). Every row of every `catalogue/*.ts` table has this shape.
 */
export interface OpenImRow extends CommandRow {
  /** Names the command had on older servers (renamed in v3.7.0), with the versions that send each. */
  legacyNames?: readonly LegacyName[];
  /**
   * The profiles that call this command under `name`; absent = every profile (not checked). `from` names the first
   * tag when it is later than the profile's first release (`v3.8.1` for the blocklist callbacks).
   */
  sends?: {
    profiles: readonly OpenImProfile[];
    from?: string;
    /** Releases inside those profiles that do not call it (online status: `v3.8.0–v3.8.1`, the call commented out). */
    except?: string;
  };
  /** The `callback:` key of config/config.yaml before v3.7 (`msgModify`, `joinGroupAfter`), when it had one. */
  oldConfigKey?: string;
  /**
   * The request struct of a version whose fields or order differ from `fields` (v3.0–v3.4.0 before-add-friend has
   * `operationID` and no `ex`), and whether that version's encoder ends the body with a newline.
   */
  wire?: Partial<Record<OpenImProfile, { fields?: FieldSpec[]; trailingNewline?: boolean }>>;
  /** Query keys added to `<url>/<command>` (after-send message callbacks: `?key=…`). */
  urlQuery?: readonly string[];
  /** The errCode range the docs give for a deny (the server itself does not check it). */
  denyCodes?: { min: number; max: number };
  hooks?: OpenImHooks;
}

export interface LegacyName {
  name: string;
  /** The profiles that send this name; absent = not checked; empty = defined in the code but never sent. */
  profiles?: readonly OpenImProfile[];
  /**
   * The request struct sent under this name when it differs from the row's (≤ v3.7 member-join: one member per
   * call), and per version where that differs again; absent = the row's own fields and `wire`.
   */
  fields?: FieldSpec[];
  wire?: Partial<Record<OpenImProfile, { fields?: FieldSpec[] }>>;
  /** The answer fields read under this name, when they differ from the row's. */
  answer?: AnswerFieldSpec[];
}

/**
 * Behaviour a row's data cannot express. Each hook says in a comment which source makes the command different.
 * Generic code calls a hook only when the row has it: no command names in shared code.
 */
export interface OpenImHooks {
  /** Extra request-body checks. */
  checkBody?: (body: JsonObject, out: Finding[]) => void;
}

/** A catalogue entry with its OpenIM row (for a legacy name: the current command's row). */
export interface OpenImCommand extends CommandInfo {
  dialect: 'openim';
  row: OpenImRow;
}

/** Field helpers for the tables: a required string, a required integer (shared with Tencent), the command key. */
export { int, str };
export const commandField = (name: string): FieldSpec => str('callbackCommand', `always "${name}"`);

/** The profiles, for `sends`. */
export const ALL_PROFILES: readonly OpenImProfile[] = ['v3.0-v3.4.0', 'v3.4.2-v3.5', 'v3.6', 'v3.7+'];
export const FROM_V342: readonly OpenImProfile[] = ['v3.4.2-v3.5', 'v3.6', 'v3.7+'];
export const BEFORE_V37: readonly OpenImProfile[] = ['v3.4.2-v3.5', 'v3.6'];
