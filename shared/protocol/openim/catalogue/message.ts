import type { FieldSpec } from '../../types.js';
import { ALL_PROFILES, BEFORE_V37, type OpenImRow } from '../row.js';
import { commandField, int, operationID, present, str, strs } from './go-types.js';
import { MESSAGE_OTHER } from './message-read.js';

/**
 * OpenIM message send callbacks. Structs: `pkg/callbackstruct/common.go` CommonCallbackReq (embedded first, so its
 * fields lead, `callbackCommand` second and `operationID` fifth in every version) and `message.go`; call sites
 * `internal/rpc/msg/callback.go` and `send.go`/`verify.go`; main adds `internal/msgtransfer/callback.go`.
 * Research notes: research/openim/message.md. Typing messages and the webhooks.yml deniedTypes skip the call.
 */

const COMMON = 'open-im-server pkg/callbackstruct/common.go CommonCallbackReq';

/** CommonCallbackReq @ v3.8.1+, with the command in `callbackCommand`. */
const commonMsgFields = (name: string): FieldSpec[] => [
  str('sendID', 'sender user ID'),
  commandField(name),
  str('serverMsgID', 'server message ID'),
  str('clientMsgID', 'client message ID'),
  operationID(),
  int('senderPlatformID', 'int32', 'sender platform (1 iOS, 2 Android, 3 Windows, 4 macOS, 5 Web …)'),
  str('senderNickname', 'sender nickname'),
  int('sessionType', 'int32', '1 single chat, 3 group chat, 4 notification'),
  int('msgFrom', 'int32', '100 user message, 200 system message'),
  int('contentType', 'int32', '101 text, 102 picture, … (typing messages are never sent)'),
  int('status', 'int32', 'message status (1 sending)'),
  { ...int('sendTime', 'int64', 'send time, ms since epoch'), required: false, unit: 'ms', since: 'v3.8.1' },
  { ...int('createTime', 'int64', 'creation time, ms since epoch'), unit: 'ms' },
  {
    ...str('content', 'message content: JSON text such as {"content":"hi"} (a string, not an object)'),
    jsonString: true,
  },
  int('seq', 'uint32', 'sequence number (0 before the message is stored)'),
  strs('atUserList', '@-mentioned user IDs (null when none)'),
  str('faceURL', 'sender avatar URL'),
  str('ex', 'extension data'),
];

/** The same struct before v3.8.1: no `sendTime` (common.go @ v3.0.0 … v3.8.0). */
const withoutSendTime = (fields: FieldSpec[]): FieldSpec[] => fields.filter((f) => f.name !== 'sendTime');
/** v3.0 … v3.6 profiles all send the struct without `sendTime`. */
const olderWire = (fields: FieldSpec[]) => ({
  'v3.0-v3.4.0': { fields: withoutSendTime(fields) },
  'v3.4.2-v3.5': { fields: withoutSendTime(fields) },
  'v3.6': { fields: withoutSendTime(fields) },
});

const sample = (contentType: number, content: string, extra: Record<string, unknown>) => ({
  sendID: 'user123',
  serverMsgID: '9a0364b9e99bb480dd25e1f0284c8555',
  clientMsgID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  operationID: '1733580000000',
  senderPlatformID: 2,
  senderNickname: 'Alice',
  sessionType: 'groupID' in extra ? 3 : 1,
  msgFrom: 100,
  contentType,
  status: 1,
  sendTime: 1733580000123,
  createTime: 1733580000100,
  content,
  seq: 0,
  atUserList: null,
  faceURL: '',
  ex: '',
  ...extra,
});
const TEXT = '{"content":"Hello!"}';

const MODIFY = 'callbackBeforeMsgModifyCommand';
const SAVED = 'callbackAfterMsgSaveDBCommand';

/** The message modify answer (`CallbackMsgModifyCommandResp`): pointers, copied when not null (NotNilReplace). */
const MODIFY_ANSWER = [
  present(
    'content',
    'string',
    'replaces the message content (JSON text; main rejects text that is not a JSON object)',
    {
      jsonString: true,
      label: 'content',
    },
  ),
  present('recvID', 'string', 'replaces the receiver'),
  present('groupID', 'string', 'replaces the group'),
  present('clientMsgID', 'string', 'replaces the client message ID'),
  present('serverMsgID', 'string', 'replaces the server message ID'),
  present('senderPlatformID', 'number', 'replaces the sender platform', { int: 'int32' }),
  present('senderNickname', 'string', "replaces the sender's nickname"),
  present('senderFaceURL', 'string', "replaces the sender's avatar URL"),
  present('sessionType', 'number', 'replaces the session type', { int: 'int32' }),
  present('msgFrom', 'number', 'replaces msgFrom', { int: 'int32' }),
  present('contentType', 'number', 'replaces the content type', { int: 'int32' }),
  present('status', 'number', 'replaces the status', { int: 'int32' }),
  present('options', 'object', 'replaces the message options (name → boolean)'),
  present(
    'offlinePushInfo',
    'object',
    'replaces the offline push info (title, desc, ex, iOSPushSound, iOSBadgeCount, signalInfo)',
  ),
  present('atUserIDList', 'string[]', 'replaces the @-mentioned users'),
  present('attachedInfo', 'string', 'replaces the attached info'),
  present('ex', 'string', 'replaces the extension data'),
];

const recvID = str('recvID', 'receiver user ID');
const groupID = str('groupID', 'group ID');

/**
 * The before and after send callbacks of one chat kind, `callbackBefore<stem>Command` and `callbackAfter<stem>Command`
 * (webhooks.yml `before<stem>` / `after<stem>`, the same keys in config.yaml before v3.7): the common struct plus the
 * kind's `target` field on every version. The before one allows or denies (its Resp is CommonCallbackResp alone: it
 * cannot change the message); the after one is only told. `site` names the before call site in callback.go.
 */
const sendPair = (
  stem: string,
  label: string,
  target: FieldSpec,
  sampleTarget: string,
  parties: NonNullable<OpenImRow['parties']>,
  site: string,
): OpenImRow[] => {
  const [before, after] = [`callbackBefore${stem}Command`, `callbackAfter${stem}Command`];
  const fields = (name: string): FieldSpec[] => [...commonMsgFields(name), target];
  const example = sample(101, TEXT, { [target.name]: sampleTarget });
  return [
    {
      name: before,
      phase: 'before',
      family: 'message',
      title: `Before send ${label} message`,
      short: `send ${label} message`,
      subject: 'the message',
      configKey: `before${stem}`,
      oldConfigKey: `before${stem}`,
      fields: fields(before),
      wire: olderWire(fields(before)),
      answer: [],
      sends: { profiles: ALL_PROFILES },
      failure: 'fails-operation',
      denyCodes: { min: 5000, max: 9999 },
      parties,
      next: [{ command: after, when: 'proceeds' }],
      source: `${COMMON}; message.go CallbackBefore${stem}Req; internal/rpc/msg/callback.go ${site}`,
      sample: example,
    },
    {
      name: after,
      phase: 'after',
      family: 'message',
      title: `After send ${label} message`,
      short: `${label} message sent`,
      subject: 'the message',
      configKey: `after${stem}`,
      oldConfigKey: `after${stem}`,
      fields: fields(after),
      wire: olderWire(fields(after)),
      sends: { profiles: ALL_PROFILES },
      // main posts it as <url>/<command>?key=base64(json{sendID,recvID,groupID}) (buildKeyMsgDataQuery).
      urlQuery: ['key'],
      failure: 'ignored',
      parties,
      source: `${COMMON}; message.go CallbackAfter${stem}Req; internal/rpc/msg/callback.go webhookAfter${stem}`,
      sample: example,
    },
  ];
};

const MESSAGE_SEND: readonly OpenImRow[] = [
  // callbackBeforeSendSingleMsgCommand, callbackAfterSendSingleMsgCommand
  ...sendPair('SendSingleMsg', '1:1', recvID, 'user456', { from: 'sendID', to: 'recvID' }, '(v3.0.0:57, main:71)'),
  // callbackBeforeSendGroupMsgCommand, callbackAfterSendGroupMsgCommand
  ...sendPair(
    'SendGroupMsg',
    'group',
    groupID,
    'group001',
    { from: 'sendID', group: 'groupID' },
    'webhookBeforeSendGroupMsg',
  ),
  {
    name: MODIFY,
    phase: 'before',
    family: 'message',
    title: 'Before message modify',
    short: 'modify message',
    subject: 'the message',
    configKey: 'beforeMsgModify',
    oldConfigKey: 'msgModify',
    // CallbackMsgModifyCommandReq is CommonCallbackReq alone: no recvID or groupID. Text messages only up to v3.8.3.
    fields: commonMsgFields(MODIFY),
    wire: olderWire(commonMsgFields(MODIFY)),
    answer: MODIFY_ANSWER,
    sends: { profiles: ['v3.7+'] },
    legacyNames: [{ name: 'callbackMsgModifyCommand', profiles: ['v3.0-v3.4.0', ...BEFORE_V37] }],
    failure: 'fails-operation',
    parties: { from: 'sendID' },
    source: `${COMMON}; message.go CallbackMsgModifyCommandResp; internal/rpc/msg/callback.go (v3.0.0:129, main:142)`,
    sample: sample(101, '{"content":"darn it"}', {}),
  },
  {
    name: SAVED,
    phase: 'after',
    family: 'message',
    title: 'After message saved',
    short: 'message stored',
    subject: 'the message',
    configKey: 'afterMsgSaveDB',
    fields: [
      ...commonMsgFields(SAVED),
      str('recvID', 'receiver (single chats)'),
      str('groupID', 'group (group chats)'),
    ],
    sends: { profiles: ['v3.7+'], from: 'v3.8.4' },
    urlQuery: ['key'],
    failure: 'ignored',
    parties: { from: 'sendID', to: 'recvID', group: 'groupID' },
    source:
      'open-im-server@main pkg/callbackstruct/message.go CallbackAfterMsgSaveDBReq; internal/msgtransfer/callback.go',
    sample: { ...sample(101, TEXT, { recvID: 'user456', groupID: '' }), status: 2, seq: 17 },
  },
];

/** Every message callback: send, modify, stored, read reports, revoke. */
export const MESSAGE: readonly OpenImRow[] = [...MESSAGE_SEND, ...MESSAGE_OTHER];
