import type { Dialect, DialectOrUnknown, Finding, Outcome, Phase } from '../contract/capture.js';
import type { Decision, FaultType } from '../contract/decision.js';
import type { OpenImProfile, TencentProfile } from '../contract/settings.js';

/**
 * The protocol core's public surface. Implemented in this folder; re-exported by ./index.ts.
 * Everything here is pure (no I/O, no Node or DOM APIs) and never throws on hostile input.
 */

export type CommandFamily =
  | 'relationship'
  | 'message'
  | 'group'
  | 'user'
  | 'push'
  | 'status'
  | 'conversation'
  | 'profile'
  | 'follow';

export type FieldType = 'string' | 'number' | 'boolean' | 'string[]' | 'object' | 'object[]';

export interface FieldSpec {
  /** Exact wire key (e.g. `blackUserID`, `HandleResult`). */
  name: string;
  type: FieldType;
  required: boolean;
  description: string;
  /** For `object[]`: the fields of each item (e.g. `FriendItem[].To_Account`). */
  items?: FieldSpec[];
  /** For `number`: the integer width the server uses (`EventTime` needs int64). */
  int?: 'int32' | 'int64';
}

export interface CommandInfo {
  dialect: Dialect;
  /** Wire name: `callbackBeforeAddFriendCommand`, `Sns.CallbackPrevFriendAdd`. */
  name: string;
  phase: 'before' | 'after';
  family: CommandFamily;
  /** Short human title: "Before add friend". */
  title: string;
  /** OpenIM `webhooks.yml` key (`beforeAddFriend`), when there is one. */
  configKey?: string;
  /** Name used only by older servers (≤ v3.6 renames, v2.3); `renamedTo` gives the current one. */
  legacy?: boolean;
  renamedTo?: string;
  /** Fully modelled (fields, sample, answer semantics) — the relationship callbacks. */
  modelled: boolean;
  /** Request fields (modelled commands only). */
  fields: FieldSpec[];
  /** Extra answer fields the server uses (`remark`, `friendUserIDs`, `ResultItem`). */
  responseFields: string[];
  /** Realistic request body (modelled commands only). */
  sample?: Record<string, unknown>;
  /** What the server is doing, for sentences: "the friend request", "the remark change". */
  subject?: string;
}

/** A request as the listener saw it; the body is already parsed (undefined when empty or not JSON). */
export interface IncomingRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Header names in any case; look-ups must be case-insensitive. */
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Raw body text, when known (lets validation tell an empty body from broken JSON). */
  bodyText?: string;
  /** JSON parse error message, when the body was not JSON. */
  parseError?: string;
}

export type IdentifiedBy = 'tencent-query' | 'path' | 'legacy-query' | 'body' | 'none';

export interface Identification {
  dialect: DialectOrUnknown;
  /** Wire command name, or null when nothing named one. */
  command: string | null;
  phase: Phase;
  via: IdentifiedBy;
  /** Catalogue entry when the command is known. */
  info?: CommandInfo;
}

export interface ValidationContext {
  /** Expected Tencent SdkAppid; null = not checked. */
  sdkAppId: number | null;
  /** Tencent callback token; null = Sign not checked. */
  token: string | null;
  maxClockSkewS: number;
  nowMs: number;
  /**
   * The OpenIM server version chosen; when given, the body is checked against that version's request struct
   * (`operationID` in the body up to v3.4.0, `ex` from v3.4.2) and commands it never sends are flagged.
   */
  openimProfile?: OpenImProfile;
}

/** How the engine must execute an answer. */
export interface PlannedAnswer {
  /** `respond`: write status/headers/body. The others send no HTTP response. */
  action: 'respond' | 'no-response' | 'close' | 'reset';
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  delayMs: number;
  fault?: FaultType;
}

export type ServerProfile =
  | { dialect: 'openim'; version: OpenImProfile }
  | { dialect: 'tencent'; policy: TencentProfile };

export interface OutcomeInput {
  dialect: DialectOrUnknown;
  command: string | null;
  phase: Phase;
  requestBody: unknown;
  /** What was sent: an HTTP answer, or a fault that sent none. */
  sent: { action: 'respond'; status: number; bodyText: string } | { action: 'no-response' | 'close' | 'reset' };
  /** Time from request to answer (or to giving up, for no-response). */
  elapsedMs: number;
  /**
   * The IM server's timeout for this callback, in ms (OpenIM: the webhooks.yml `timeout`, default 5000, hard cap
   * 15000). Tencent predictions always use Tencent's fixed 2000; a larger value here only produces a warning.
   */
  serverTimeoutMs: number;
  profile: ServerProfile;
}

export interface Summary {
  parties: string;
  text: string;
  /** Tencent Prev* per-target accounts, in request order. */
  targets: string[];
}

export interface DenyPreset {
  code: number;
  /** The message that goes with the code (errMsg / ResultInfo). */
  message: string;
  label: string;
}

export interface DialectDefaults {
  denyCode: number;
  denyMessage: string;
  presets: DenyPreset[];
}

export type { Decision, Finding, Outcome };
