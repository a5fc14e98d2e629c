import type { Dialect, DialectOrUnknown, Finding, Outcome, Phase } from '../contract/capture.js';
import type { Decision, FaultType } from '../contract/decision.js';
import type { Condition } from '../contract/rule.js';
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

export type FieldType = 'string' | 'number' | 'boolean' | 'string[]' | 'number[]' | 'object' | 'object[]';

/** One request field of a command, in the order the server's struct (OpenIM) or the doc page (Tencent) gives it. */
export interface FieldSpec {
  /** Exact wire key (e.g. `blackUserID`, `HandleResult`). */
  name: string;
  type: FieldType;
  required: boolean;
  description: string;
  /** For `object[]` / `object`: the fields of each item (e.g. `FriendItem[].To_Account`). */
  items?: FieldSpec[];
  /** For `number`: the integer type the server uses (`EventTime` needs int64, OpenIM `seq` is uint32). */
  int?: 'int32' | 'int64' | 'uint32';
  /** A value the server always sends here; another value gets a warning ("HandleResult is always 1 (agree) here."). */
  always?: { value: string | number; meaning: string };
  /** Time unit of a timestamp field: a value that looks like the other unit gets a warning. */
  unit?: 'ms' | 's';
  /** A string holding JSON text (OpenIM message `content`). */
  jsonString?: boolean;
  /** First server version that sends the field (an OpenIM tag such as `v3.8.1`); absent = every version. */
  since?: string;
  /**
   * `null` is a valid value: OpenIM pointer fields (`*string`, `*int32`) and protobuf wrappers
   * (`*wrapperspb.StringValue`) encode as the value or `null` (Go's nil).
   */
  nullable?: boolean;
  /**
   * A second JSON type the server's page also gives for this field (Tencent Group pages print the Integer
   * `EventTime` as a string; Profile `Value` is `uint32/string`): a value of either type is well typed.
   */
  also?: 'string' | 'number';
}

/** One field of the answer the server reads, beyond the dialect's common ones (actionCode…, ActionStatus…). */
export interface AnswerFieldSpec {
  /** Exact wire key the server reads (`remark`, `MsgBody`). */
  name: string;
  type: FieldType;
  int?: 'int32' | 'int64' | 'uint32';
  /** What the server does with it, in words ("replaces the remark that is stored"). */
  effect: string;
  /**
   * When the server takes it: `non-empty` (OpenIM "non-empty wins": an absent, null or empty value keeps the
   * request's), `present` (any value given, Tencent `MsgBody`). Version-specific copying is the dialect's business.
   */
  applies: 'non-empty' | 'present';
  /** Sent as a JSON *string* holding JSON (OpenIM message modify `content`). */
  jsonString?: boolean;
  /** A default answer echoes the request's field of the same name (an older server clears it otherwise). */
  echo?: boolean;
  /**
   * OpenIM versions whose code copies the field differently from `applies`: `always` even when absent (Go
   * `NotNilReplace(&x, &resp.X)` on a plain string: an absent field clears it), `never` (that version does not read it).
   */
  copy?: Partial<Record<OpenImProfile, 'always' | 'never'>>;
  /** The word for it in sentences ("the remark", "the list"). */
  label?: string;
  /** For a list: what each item is, in sentences ("user(s)"). */
  noun?: string;
  /** Said after the change in sentences (", not re-validated"). */
  note?: string;
}

/**
 * What a failed call (no answer, late, bad JSON) does, per the server's code or page:
 * `fails-operation` the user's action fails (OpenIM v3.7+ before-callbacks), `skips` the action goes on without the
 * callback's effect (OpenIM push before-callbacks: the push is sent unchanged), `ignored` (after-callbacks),
 * `console-policy` Tencent's console setting decides (fail-open by default).
 */
export type FailurePolicy = 'fails-operation' | 'skips' | 'ignored' | 'console-policy';

/**
 * Whether the server calls again after a failed call: `never`, or `console-on-timeout` (Tencent after-callbacks: not
 * retried by default; a console setting retries the ones that time out, so the backend can see the same event twice).
 */
export type RetryPolicy = 'never' | 'console-on-timeout';

/**
 * Where the parties are named in the request body, as paths (`fromUserID`, `Info.To_Account`, `PairList[].To_Account`;
 * a `to` that holds a list of strings names each): the one source the summaries, flows and "decide ahead" read,
 * through `visitParties` (parties.ts). `from` and `to` under the same list (`PairList[]`) pair item by item.
 */
export interface PartyFields {
  from?: string;
  to?: string;
  group?: string;
  conversation?: string;
  /** Per-target list of a Tencent before-callback: the list key and the account key of each item. */
  targets?: { list: string; account: string };
  /**
   * A creation whose before-callback runs before the group has an id: the before- and the after-callback share
   * the creator (`by`, when both name the same one) and the `name`, which key their flow until the id is known.
   */
  created?: { by?: string; name: string };
}

/** A callback expected after this one (before-add-friend proceeds → after-add-friend), for flows. */
export interface NextStep {
  command: string;
  /** `proceeds`: only when this callback's outcome lets the action go ahead; `always`: whatever the answer. */
  when: 'proceeds' | 'always';
  /** From which version or under which condition, in words. */
  note?: string;
  /** Only when this callback's request body holds these (rule conditions): agree with `HandleResult` 1. */
  where?: Condition[];
  /** What can still stop the action after this callback proceeded (the server's own checks after the call site). */
  laterFailure?: string;
}

/**
 * A command's row in a dialect's catalogue table (`openim/catalogue/*.ts`, `tencent/catalogue/*.ts`): the facts a
 * person looks up on the server's page or struct. Tables hold rows only; the dialect's interpreter reads them.
 * A row without `fields` is a command named only (recognised, phase and family known, not modelled).
 */
export interface CommandRow {
  /** Wire name: `callbackBeforeAddFriendCommand`, `Sns.CallbackPrevFriendAdd`. */
  name: string;
  phase: 'before' | 'after';
  family: CommandFamily;
  /** Short human title: "Before add friend". */
  title: string;
  /** A shorter label for menus and badges ("add friend"). */
  short?: string;
  /** What the server is doing, for sentences: "the friend request", "the remark change". */
  subject?: string;
  /** OpenIM `webhooks.yml` key (`beforeAddFriend`); Tencent console switch name. */
  configKey?: string;
  /** Request fields in wire order; absent = named only. */
  fields?: FieldSpec[];
  /** Answer fields the server reads beyond the common ones. */
  answer?: AnswerFieldSpec[];
  failure?: FailurePolicy;
  /** Whether a failed call is sent again (absent: not modelled for this dialect). */
  retry?: RetryPolicy;
  parties?: PartyFields;
  next?: NextStep[];
  /** Where the facts come from: tag + file, or page URL. */
  source?: string;
  /** Realistic request body (modelled commands only), without the command key (added from `name`). */
  sample?: Record<string, unknown>;
}

/** A catalogue entry as the code reads it: a row with its dialect, plus the derived look-up fields. */
export interface CommandInfo extends Omit<CommandRow, 'fields' | 'answer'> {
  dialect: Dialect;
  /** Name used only by older servers (≤ v3.6 renames, v2.3); `renamedTo` gives the current one. */
  legacy?: boolean;
  renamedTo?: string;
  /** Fully modelled (fields, sample, answer semantics). */
  modelled: boolean;
  /** Request fields (modelled commands only). */
  fields: FieldSpec[];
  /** The answer fields' specs (empty when none). */
  answer: AnswerFieldSpec[];
  /** The answer fields' wire names (`remark`, `friendUserIDs`, `ResultItem`). */
  responseFields: string[];
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
  /**
   * What was sent: an HTTP answer, or a fault that sent none. `error`: what the caller saw instead, in words, when it
   * is known (a played request's "connection refused"); the outcome and checks give it as the reason instead of the
   * fault's name, so one failure is told one way.
   */
  sent:
    | { action: 'respond'; status: number; bodyText: string }
    | { action: 'no-response' | 'close' | 'reset'; error?: string };
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

/** The deny reasons both dialects offer, numbered from the dialect's first deny code, each labelled "code message". */
export const denyPresets = (first: number): DenyPreset[] =>
  ['denied by app backend', 'spam / abuse', 'not allowed by privacy settings', 'rate limited'].map((message, i) => ({
    code: first + i,
    message,
    label: `${first + i} ${message}`,
  }));

export interface DialectDefaults {
  denyCode: number;
  denyMessage: string;
  presets: DenyPreset[];
}

export type { Decision, Finding, Outcome };
